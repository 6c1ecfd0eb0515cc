use super::*;
use crate::amounts::amounts;

fn values(text: &str, published: Option<&str>) -> Vec<String> {
    let s = [Span::new(0, text.len())];
    let a = amounts(text, &s);
    dates(text, &s, &a, published)
        .into_iter()
        .map(|d| d.value)
        .collect()
}

fn v(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

#[test]
fn calendar_arithmetic() {
    let d = Day::new(2024, 10, 15).expect("day");
    assert_eq!(Day::from_days(d.days()), d);
    assert_eq!(Day::new(1970, 1, 1).map(Day::days), Some(0));
    assert_eq!(d.weekday(), 1); // a Tuesday
    assert_eq!(d.iso_week(), "2024-W42");
    assert_eq!(
        Day::new(2021, 1, 3).map(Day::iso_week).as_deref(),
        Some("2020-W53")
    );
    assert_eq!(
        Day::new(2024, 2, 29)
            .map(|d| d.plus_days(1).iso())
            .as_deref(),
        Some("2024-03-01")
    );
    assert!(Day::new(2023, 2, 29).is_none());
    assert_eq!(
        Day::parse_iso("2024-10-15T08:00:00Z"),
        Day::new(2024, 10, 15)
    );
    assert_eq!(Day::parse_iso("2024-13-01"), None);
    assert_eq!(Day::parse_iso("garbage"), None);
}

#[test]
fn absolute_dates() {
    assert_eq!(values("Israel recognised it in 1991.", None), v(&["1991"]));
    assert_eq!(values("Baku, October 12, 2019.", None), v(&["2019-10-12"]));
    assert_eq!(values("It was 12 October 2019.", None), v(&["2019-10-12"]));
    assert_eq!(values("It was Oct. 12, 2019.", None), v(&["2019-10-12"]));
    assert_eq!(
        values("It was the 12th of October 2019.", None),
        v(&["2019-10-12"])
    );
    assert_eq!(values("Since October 2019 it grew.", None), v(&["2019-10"]));
    assert_eq!(
        values("Filed 2019-10-12 in Baku.", None),
        v(&["2019-10-12"])
    );
    assert_eq!(values("From 2014 to 2020.", None), v(&["2014", "2020"]));
}

#[test]
fn impossible_dates_are_not_read() {
    assert!(values("It was February 30, 2019.", None)
        .iter()
        .all(|d| d.len() < 10));
    assert_eq!(values("Filed 2019-13-45 here.", None), v(&["2019"]));
}

#[test]
fn amounts_and_other_numbers_are_not_dates() {
    assert!(values("They paid $2,019 and 1,991 troops came.", None).is_empty());
    assert!(values("It costs $2000 now.", None).is_empty());
    assert!(values("Call 555-2019 at 10:30.", None).is_empty());
    assert!(values("They adopted Resolution 2000 unanimously.", None).is_empty());
}

#[test]
fn relative_dates_need_an_anchor() {
    let t = "Yesterday he came; last week they met and two days ago they spoke.";
    assert!(values(t, None).is_empty());
    assert!(values("He spoke on Tuesday.", Some("not a date")).is_empty());
}

#[test]
fn relative_dates_against_the_publication_date() {
    // 2024-10-15 is a Tuesday.
    let p = Some("2024-10-15");
    assert_eq!(values("He came yesterday.", p), v(&["2024-10-14"]));
    assert_eq!(values("He spoke on Friday.", p), v(&["2024-10-11"]));
    assert_eq!(values("He spoke on Tuesday.", p), v(&["2024-10-15"]));
    assert!(values("He told the Sunday Times so.", p).is_empty());
    assert_eq!(values("He spoke last Tuesday.", p), v(&["2024-10-08"]));
    assert_eq!(values("He speaks next Monday.", p), v(&["2024-10-21"]));
    assert_eq!(values("They met last week.", p), v(&["2024-W41"]));
    assert_eq!(values("They met last month.", p), v(&["2024-09"]));
    assert_eq!(values("They will meet next year.", p), v(&["2025"]));
    assert_eq!(values("It happened two days ago.", p), v(&["2024-10-13"]));
    assert_eq!(values("It happened three weeks ago.", p), v(&["2024-W39"]));
    assert_eq!(values("It happened a year ago.", p), v(&["2023"]));
    assert_eq!(values("They met in December.", p), v(&["2023-12"]));
    assert_eq!(values("They met in March.", p), v(&["2024-03"]));
    assert_eq!(values("They met on October 3.", p), v(&["2024-10-03"]));
    assert_eq!(
        values("Last month was hard.", Some("2024-01-05")),
        v(&["2023-12"])
    );
}

#[test]
fn spans_cover_the_words() {
    let t = "Baku, October 12, 2019, at dusk.";
    let s = [Span::new(0, t.len())];
    let d = dates(t, &s, &[], None);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].text, "October 12, 2019");
    assert_eq!(&t[d[0].start..d[0].end], "October 12, 2019");
}

#[test]
fn lower_case_month_words_are_not_months() {
    assert!(values("They may march in 2 columns.", Some("2024-10-15")).is_empty());
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,200}", p in proptest::option::of("[0-9-]{0,12}")) {
        let spans = [Span::new(0, s.len())];
        let a = amounts(&s, &spans);
        for d in dates(&s, &spans, &a, p.as_deref()) {
            proptest::prop_assert!(d.start < d.end && d.end <= s.len());
        }
    }

    #[test]
    fn never_panics_on_date_soup(s in "(last|next|ago|two|[0-9]{1,4}|October|Oct|Tuesday|week|-|,|\\.| ){0,30}") {
        let spans = [Span::new(0, s.len())];
        let _ = dates(&s, &spans, &[], Some("2024-02-29"));
    }
}
