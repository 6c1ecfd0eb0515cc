//! `dyad serve`: the JSON API and the web UI over a store.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The address served on unless told otherwise: this machine only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// Arguments of `dyad serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The store to serve (made by `dyad ingest`; opened read-only, never created).
    #[arg(long, default_value = crate::db::DEFAULT_DB)]
    db: PathBuf,
    /// Address and port to listen on (port 0 picks a free one). Any address but a loopback
    /// one makes the store readable from other machines.
    #[arg(long, default_value = DEFAULT_ADDR)]
    addr: SocketAddr,
}

/// Runs the command.
pub fn run(args: Args) -> ExitCode {
    serve(&args.db, args.addr)
}

/// Serves the store at `db` on `addr` until the process is stopped.
pub fn serve(db: &Path, addr: SocketAddr) -> ExitCode {
    if !addr.ip().is_loopback() {
        eprintln!(
            "dyad: warning: listening on {addr}, which other machines can reach; the API has \
             no authentication (use 127.0.0.1 to keep it on this machine)"
        );
    }
    let server = match dyad_serve::Server::bind(db, addr) {
        Ok(s) => s,
        Err(e @ dyad_serve::ServeError::Store(_)) => {
            eprintln!("dyad: serve: {}: {e}", db.display());
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("dyad: serve: {e}");
            return ExitCode::from(2);
        }
    };
    let local = match server.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dyad: serve: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "dyad: serving {} at http://{local}/ (Ctrl-C to stop)",
        db.display()
    );
    let _ = out.flush();
    drop(out);
    match server.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad: serve: {e}");
            ExitCode::from(2)
        }
    }
}
