use super::*;

fn all(text: &str) -> Vec<Amount> {
    amounts(text, &[Span::new(0, text.len())])
}

fn one(text: &str) -> Amount {
    let a = all(text);
    assert_eq!(a.len(), 1, "{text}: {a:?}");
    a.into_iter().next().expect("one amount")
}

fn spanned(text: &str, a: &Amount) -> String {
    text[a.start..a.end].to_string()
}

#[test]
fn money_with_scale_and_marker() {
    let t = "He said his country had acquired nearly $5 billion worth of advanced weaponry and high-tech systems from Israel.";
    let a = one(t);
    assert_eq!(a.value, 5_000_000_000.0);
    assert_eq!(a.unit, "USD");
    assert!(a.approximate);
    assert_eq!(
        a.about.as_deref(),
        Some("advanced weaponry and high-tech systems")
    );
    assert_eq!(spanned(t, &a), "nearly $5 billion");
}

#[test]
fn currency_symbols_codes_and_names() {
    let cases = [
        ("The fund holds €3.2bn in bonds.", 3_200_000_000.0, "EUR"),
        ("It costs £450 million a year.", 450_000_000.0, "GBP"),
        (
            "They paid 5 billion dollars for it.",
            5_000_000_000.0,
            "USD",
        ),
        (
            "Debt reached US$ 1.2 trillion last year.",
            1_200_000_000_000.0,
            "USD",
        ),
        (
            "A fine of 1.5 million shekels was imposed.",
            1_500_000.0,
            "ILS",
        ),
        (
            "The project costs Rs 500 crore in total.",
            5_000_000_000.0,
            "INR",
        ),
        ("The budget is AZN 30 billion.", 30_000_000_000.0, "AZN"),
        ("Sales rose to 200 million manat.", 200_000_000.0, "AZN"),
        ("A deal worth $12m was signed.", 12_000_000.0, "USD"),
        ("It sold for $1,250.", 1_250.0, "USD"),
        ("A $5-billion deal was signed.", 5_000_000_000.0, "USD"),
    ];
    for (t, v, u) in cases {
        let a = one(t);
        assert_eq!((a.value, a.unit.as_str()), (v, u), "{t}");
    }
}

#[test]
fn about_is_the_of_phrase_or_the_modified_noun() {
    let t = "The nation provides 40% of Israel’s oil supply, a vital share.";
    let a = one(t);
    assert_eq!((a.value, a.unit.as_str()), (40.0, "percent"));
    assert_eq!(a.about.as_deref(), Some("Israel’s oil supply"));
    assert_eq!(
        one("They signed a $2 billion arms deal.").about.as_deref(),
        Some("arms deal")
    );
    assert_eq!(
        one("It pledged $300 million in military aid.")
            .about
            .as_deref(),
        Some("military aid")
    );
    assert_eq!(one("Prices rose 5 percent.").about, None);
    assert_eq!(
        one("It earned $167 million in the third quarter.").about,
        None
    );
    // Without an article the words after a percentage are usually the clause's verb.
    assert_eq!(one("Fifty-one percent say so.").about, None);
    assert_eq!(
        one("He holds a 40 percent stake.").about.as_deref(),
        Some("stake")
    );
    // A count's noun phrase ends at a name or a determiner.
    assert_eq!(
        one("Police got 911 calls Tuesday.").about.as_deref(),
        Some("calls")
    );
    assert_eq!(
        one("Sixteen countries share their views.").about.as_deref(),
        Some("countries")
    );
}

#[test]
fn percentages_in_every_spelling() {
    for t in [
        "Turnout was 40 percent.",
        "Turnout was 40 per cent.",
        "Turnout was 40%.",
        "Turnout was 40 pct.",
    ] {
        let a = one(t);
        assert_eq!((a.value, a.unit.as_str()), (40.0, "percent"), "{t}");
    }
    assert_eq!(
        one("Rates rose 0.25 percentage points.").unit,
        "percentage points"
    );
    assert_eq!(one("It fell by one percent.").value, 1.0);
}

#[test]
fn counts_and_measures() {
    let a = one("Some 3,000 troops were deployed.");
    assert_eq!((a.value, a.unit.as_str()), (3000.0, "count"));
    assert_eq!(a.about.as_deref(), Some("troops"));
    assert!(a.approximate);
    let a = one("They launched 12 armed drones at dawn.");
    assert_eq!(a.about.as_deref(), Some("armed drones"));
    let a = one("The army destroyed 100 kilometers of tunnels.");
    assert_eq!((a.value, a.unit.as_str()), (100.0, "km"));
    assert_eq!(a.about.as_deref(), Some("tunnels"));
    assert_eq!(one("A 10km fence was built.").unit, "km");
    assert_eq!(one("He won the 200-yard race.").unit, "yd");
    assert_eq!(
        one("It exports 700,000 barrels per day.").unit,
        "barrels per day"
    );
    let a = one("They sent two dozen drones.");
    assert_eq!((a.value, a.about.as_deref()), (24.0, Some("drones")));
    assert_eq!(one("They sent a dozen drones.").value, 12.0);
    assert_eq!(
        one("Five soldiers were wounded.").about.as_deref(),
        Some("soldiers")
    );
    assert_eq!(one("Twenty-five people died.").value, 25.0);
    assert_eq!(
        one("The city has 5 million inhabitants.").value,
        5_000_000.0
    );
}

#[test]
fn approximate_markers() {
    for m in [
        "nearly",
        "about",
        "around",
        "some",
        "roughly",
        "almost",
        "more than",
        "over",
        "up to",
        "an estimated",
        "at least",
    ] {
        let t = format!("They fired {m} 200 rockets.");
        let a = one(&t);
        assert!(a.approximate, "{m}");
        assert!(spanned(&t, &a).starts_with(m), "{m}");
    }
    assert!(!one("They fired 200 rockets.").approximate);
}

#[test]
fn years_dates_times_and_ordinals_are_not_amounts() {
    for t in [
        "Israel recognised it in 1991, soon after.",
        "The 2019 elections were close.",
        "It opened on October 12, 2019.",
        "It opened on 12 October 2019.",
        "It opened on Oct. 12, 2019.",
        "The meeting starts at 10:30 tomorrow.",
        "They met at 3 pm on Monday.",
        "The 98th Division moved south.",
        "He finished 2nd in the race.",
        "Call +1 555-0100 now.",
        "Call 555-0100 now.",
        "Under Article 5 the allies respond.",
        "Resolution 2231 was adopted.",
        "The F-16 and the G20 met.",
        "He is 45 years old.",
        "It happened two days ago.",
        "The war lasted three years.",
        "The two countries signed it.",
        "One of them said so.",
        "In the 1990s it grew.",
        "See page 4 for details.",
        "Prices were 12/10 higher.",
        "The 23-year-old flew home.",
        "They ended an 11-game losing streak.",
        "He was 20-of-24 passing.",
        "It ended at 10 p.m. sharp.",
        "Only two committed to the plan.",
        "He listed eight out of ten.",
        "They chose five the pool could take.",
        "Of them, 240 taken hostage remain.",
    ] {
        assert!(all(t).is_empty(), "{t}: {:?}", all(t));
    }
}

#[test]
fn bare_numbers_without_a_noun_are_not_counts() {
    assert!(all("The score was 3 to 1.").is_empty());
    assert!(all("He counted to 40.").is_empty());
}

#[test]
fn several_amounts_in_order_with_spans() {
    let t = "Troops rose from 1,000 soldiers to 3,000 soldiers, and spending by 40%.";
    let a = all(t);
    assert_eq!(
        a.iter().map(|a| a.value).collect::<Vec<_>>(),
        vec![1000.0, 3000.0, 40.0]
    );
    assert_eq!(spanned(t, &a[2]), "40%");
    assert!(a.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn amounts_stay_inside_their_sentence() {
    let t = "They paid $5. Billion dollars is a phrase.";
    let a = amounts(t, &[Span::new(0, 14), Span::new(15, t.len())]);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].value, 5.0);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_are_in_bounds(s in "\\PC{0,200}") {
        let a = amounts(&s, &[Span::new(0, s.len())]);
        for x in &a {
            proptest::prop_assert!(x.start < x.end && x.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(x.start) && s.is_char_boundary(x.end));
        }
    }

    #[test]
    fn never_panics_on_number_soup(s in "[0-9$€%.,:/ a-zA-Z-]{0,80}") {
        let _ = amounts(&s, &[Span::new(0, s.len()), Span::new(3, 2), Span::new(0, s.len() + 5)]);
    }
}
