//! A bounded load test of the API on loopback: a synthetic store (made on first use), the
//! server in this process on a free 127.0.0.1 port, and N clients on kept-alive connections
//! sending a fixed mix of API requests for a fixed time. Prints throughput, latency
//! percentiles and errors, overall and per endpoint.
//!
//! `cargo run --release -p dyad-serve --example load -- [--articles 5000] [--events 10]
//!  [--clients 50] [--secs 30] [--db FILE]`

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dyad_serve::{App, Limits};
use dyad_store::{ArticleOptions, Store};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

struct Options {
    articles: usize,
    events: usize,
    clients: usize,
    secs: u64,
    db: Option<PathBuf>,
    /// Store connections of the server (default: the server's own default).
    pool: Option<usize>,
    /// A server already running on this loopback address (e.g. `dyad serve`) instead of one
    /// in this process; `--db` must name the store it serves.
    addr: Option<std::net::SocketAddr>,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        articles: 5000,
        events: 10,
        clients: 50,
        secs: 30,
        db: None,
        pool: None,
        addr: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<u64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--articles" => o.articles = number()? as usize,
            "--events" => o.events = number()? as usize,
            "--clients" => o.clients = number()?.max(1) as usize,
            // Bounded: a load test never runs for more than ten minutes.
            "--secs" => o.secs = number()?.clamp(1, 600),
            "--db" => o.db = Some(PathBuf::from(value)),
            "--pool" => o.pool = Some(number()?.max(1) as usize),
            "--addr" => {
                let addr: std::net::SocketAddr =
                    value.parse().map_err(|e| format!("--addr: {e}"))?;
                // Load is only ever sent to this machine.
                if !addr.ip().is_loopback() {
                    return Err("--addr must be a loopback address".into());
                }
                o.addr = Some(addr);
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(o)
}

/// Fills a new store with the synthetic corpus, unless the file exists.
fn ensure_store(path: &Path, articles: usize, events: usize) -> dyad_store::Result<()> {
    if path.exists() {
        return Ok(());
    }
    let started = Instant::now();
    let store = Store::open(path)?;
    let mut ing = store.ingester(1000);
    for r in dyad_store::synth::records(articles, events, 1) {
        ing.add(&r)?;
    }
    ing.finish()?;
    eprintln!(
        "load: made {} ({articles} articles, {} events) in {:.1} s",
        path.display(),
        articles * events,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The request paths of the mix, by endpoint, built from what the store holds.
fn request_mix(db: &Path) -> dyad_store::Result<Vec<(&'static str, Vec<String>)>> {
    let store = Store::open_read_only(db)?;
    let total = dyad_store::articles(&store, &ArticleOptions::default())?.total as usize;
    let ids: Vec<String> = (0..20)
        .map(|i| ArticleOptions {
            limit: 1,
            offset: i * total / 20,
            actor: None,
        })
        .map(|o| dyad_store::articles(&store, &o).map(|l| l.articles[0].id.clone()))
        .collect::<Result<_, _>>()?;
    let graph = dyad_store::graph(&store)?;
    let actors = dyad_store::actors(&store)?;
    let pairs: Vec<String> = graph
        .edges
        .iter()
        .step_by((graph.edges.len() / 20).max(1))
        .map(|e| format!("/api/relation?a={}&b={}", e.a, e.b))
        .collect();
    let names: Vec<String> = actors
        .actors
        .iter()
        .take(5)
        .filter_map(|a| a.name.as_ref())
        .map(|n| format!("/api/relation?a={}&b=ISR", n.replace(' ', "+")))
        .collect();
    let searches = [
        "minister",
        "pipeline+agreement",
        "%22energy+talks%22",
        "sanctions+OR+embargo",
        "gas*",
    ];
    let pages = [0, 1, total / 200, total / 100, total / 60];
    Ok(vec![
        ("stats", vec!["/api/stats".into()]),
        (
            "graph",
            vec!["/api/graph".into(), "/api/graph?min_events=50".into()],
        ),
        (
            "actors",
            vec!["/api/actors".into(), "/api/actors?q=uni&limit=5".into()],
        ),
        (
            "articles",
            pages
                .iter()
                .map(|p| format!("/api/articles?limit=50&offset={}", p * 50))
                .chain(["/api/articles?actor=ISR&limit=20".into()])
                .collect(),
        ),
        (
            "article",
            ids.iter().map(|id| format!("/api/articles/{id}")).collect(),
        ),
        ("relation", pairs.into_iter().chain(names).collect()),
        (
            "search",
            searches
                .iter()
                .map(|q| format!("/api/search?q={q}&limit=20"))
                .chain(["/api/search?q=officials&actor=RUS&from=2018-01-01&to=2019-12-31".into()])
                .collect(),
        ),
    ])
}

/// One kept-alive HTTP/1.1 connection.
struct Connection {
    reader: BufReader<TcpStream>,
}

impl Connection {
    async fn open(addr: std::net::SocketAddr) -> std::io::Result<Connection> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Connection {
            reader: BufReader::new(stream),
        })
    }

    /// Sends `GET path` and reads the whole answer: its status and body length.
    async fn get(&mut self, path: &str) -> std::io::Result<(u16, usize)> {
        let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        self.reader.get_mut().write_all(req.as_bytes()).await?;
        let mut line = String::new();
        self.reader.read_line(&mut line).await?;
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
        let mut length = 0usize;
        loop {
            line.clear();
            if self.reader.read_line(&mut line).await? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            let h = line.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((name, value)) = h.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().map_err(std::io::Error::other)?;
                }
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).await?;
        Ok((status, length))
    }
}

/// What one client saw: per endpoint, latencies of good answers, and errors.
#[derive(Default)]
struct Tally {
    latencies: BTreeMap<&'static str, Vec<Duration>>,
    errors: BTreeMap<&'static str, usize>,
    bytes: usize,
}

async fn client(
    index: usize,
    addr: std::net::SocketAddr,
    mix: Arc<Vec<(&'static str, Vec<String>)>>,
    until: Instant,
) -> Tally {
    let mut tally = Tally::default();
    let mut conn: Option<Connection> = None;
    let mut n = index;
    while Instant::now() < until {
        let (name, paths) = &mix[n % mix.len()];
        let path = &paths[(n / mix.len()) % paths.len()];
        n += 1;
        if conn.is_none() {
            match Connection::open(addr).await {
                Ok(c) => conn = Some(c),
                Err(_) => {
                    *tally.errors.entry(name).or_default() += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            }
        }
        let Some(c) = conn.as_mut() else { continue };
        let started = Instant::now();
        match c.get(path).await {
            Ok((200, len)) => {
                tally
                    .latencies
                    .entry(name)
                    .or_default()
                    .push(started.elapsed());
                tally.bytes += len;
            }
            Ok((status, _)) => {
                eprintln!("load: {path}: status {status}");
                *tally.errors.entry(name).or_default() += 1;
            }
            Err(e) => {
                eprintln!("load: {path}: {e}");
                *tally.errors.entry(name).or_default() += 1;
                conn = None;
            }
        }
    }
    tally
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

fn main() {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("load: {e}");
            std::process::exit(2);
        }
    };
    let db = o.db.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("dyad-load-{}x{}.db", o.articles, o.events))
    });
    if let Err(e) = ensure_store(&db, o.articles, o.events) {
        eprintln!("load: {}: {e}", db.display());
        std::process::exit(2);
    }
    let mix = match request_mix(&db) {
        Ok(m) => Arc::new(m),
        Err(e) => {
            eprintln!("load: {}: {e}", db.display());
            std::process::exit(2);
        }
    };
    let defaults = Limits::default();
    let limits = Limits {
        pool_size: o.pool.unwrap_or(defaults.pool_size),
        ..defaults
    };
    // The server in this process, unless one runs already.
    let server = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("server runtime");
    let (addr, serving) = match o.addr {
        Some(addr) => (addr, "a separate server process".to_string()),
        None => {
            let pool = limits.pool_size;
            let app = App::open(&db, limits).expect("open the store for serving");
            let listener = server
                .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
                .expect("bind a loopback port");
            let addr = listener.local_addr().expect("bound address");
            server.spawn(dyad_serve::serve_on(listener, app));
            (addr, format!("in-process server, {pool} store connections"))
        }
    };

    // The clients run on a runtime of their own, one thread, so that they take little of the
    // CPU the server is measured on.
    let clients = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    // Warm up: one pass over every path, so that caches are filled as in steady use.
    clients.block_on(async {
        let mut c = Connection::open(addr).await.expect("connect");
        for (_, paths) in mix.iter() {
            for p in paths {
                let (status, _) = c.get(p).await.expect("warm-up request");
                assert_eq!(status, 200, "warm-up {p}");
            }
        }
    });
    let started = Instant::now();
    let until = started + Duration::from_secs(o.secs);
    let tallies: Vec<Tally> = clients.block_on(async {
        let tasks: Vec<_> = (0..o.clients)
            .map(|i| tokio::spawn(client(i, addr, mix.clone(), until)))
            .collect();
        let mut out = Vec::new();
        for t in tasks {
            out.push(t.await.expect("client task"));
        }
        out
    });
    let elapsed = started.elapsed().as_secs_f64();

    let mut by_endpoint: BTreeMap<&str, (Vec<Duration>, usize)> = BTreeMap::new();
    let mut bytes = 0;
    for t in tallies {
        bytes += t.bytes;
        for (k, v) in t.latencies {
            by_endpoint.entry(k).or_default().0.extend(v);
        }
        for (k, n) in t.errors {
            by_endpoint.entry(k).or_default().1 += n;
        }
    }
    let mut all: Vec<Duration> = by_endpoint.values().flat_map(|(l, _)| l.clone()).collect();
    all.sort();
    let errors: usize = by_endpoint.values().map(|(_, e)| e).sum();
    println!(
        "{} clients, {} s, {serving}, store {} ({} articles × {} events)",
        o.clients,
        o.secs,
        db.display(),
        o.articles,
        o.events
    );
    println!(
        "requests {} ok, {errors} errors; {:.0} req/s; {:.1} MB/s; latency ms p50 {:.1}, p90 {:.1}, p99 {:.1}, max {:.1}",
        all.len(),
        all.len() as f64 / elapsed,
        bytes as f64 / elapsed / 1e6,
        percentile(&all, 0.50),
        percentile(&all, 0.90),
        percentile(&all, 0.99),
        percentile(&all, 1.0)
    );
    println!("| endpoint | requests | errors | p50 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, (mut lat, errs)) in by_endpoint {
        lat.sort();
        println!(
            "| {name} | {} | {errs} | {:.1} | {:.1} | {:.1} |",
            lat.len(),
            percentile(&lat, 0.50),
            percentile(&lat, 0.99),
            percentile(&lat, 1.0)
        );
    }
    if errors > 0 {
        std::process::exit(1);
    }
}
