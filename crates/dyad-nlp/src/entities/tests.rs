use super::*;
use crate::{sentences, tokenize};
use dyad_doc::{Block, BlockKind};

fn run(text: &str, published: Option<&str>) -> Vec<Entity> {
    let blocks = vec![Block {
        kind: BlockKind::Paragraph,
        start: 0,
        end: text.len(),
    }];
    let sents = sentences(text, &blocks);
    entities(text, &sents, &tokenize(text), published)
}

fn find<'a>(ents: &'a [Entity], name: &str) -> &'a Entity {
    ents.iter()
        .find(|e| e.name.contains(name))
        .unwrap_or_else(|| panic!("no entity {name} in {ents:#?}"))
}

#[test]
fn titles_countries_and_leader_codes() {
    let text = "During a visit by Prime Minister Benjamin Netanyahu, Azerbaijani President Ilham Aliyev spoke in Baku.";
    let ents = run(text, Some("2024-10-15"));
    let bn = find(&ents, "Netanyahu");
    assert_eq!(bn.kind, EntityKind::Person);
    assert_eq!(bn.roles, vec!["Prime Minister"]);
    assert_eq!(bn.code.as_deref(), Some("ISRGOV"));
    let ia = find(&ents, "Ilham Aliyev");
    assert_eq!(ia.country.as_deref(), Some("AZE"));
    assert!(ia.roles.iter().any(|r| r == "President"));
    let baku = find(&ents, "Baku");
    assert_eq!(baku.kind, EntityKind::Place);
    assert!(baku.geo.is_some());
    assert!(ents
        .iter()
        .any(|e| e.kind == EntityKind::Country && e.code.as_deref() == Some("AZE")));
    assert_eq!(ents[0].id, "E1");
}

#[test]
fn a_title_before_a_name_is_part_of_the_mention_not_of_the_name() {
    let text =
        "Emeritus Professor John Burrows chaired the panel, and US President Barack Obama wrote.";
    let ents = run(text, None);
    let jb = find(&ents, "Burrows");
    assert_eq!(jb.name, "John Burrows");
    assert_eq!(jb.mentions[0].text, "Emeritus Professor John Burrows");
    let bo = find(&ents, "Obama");
    assert_eq!(bo.name, "Barack Obama");
    assert_eq!(bo.mentions[0].text, "US President Barack Obama");
    assert!(ents.iter().any(|e| e.kind == EntityKind::Country));
}

#[test]
fn examples_after_a_comma_are_no_apposition() {
    let text = "Montalvo was helped by former members of Zorbology, including actor Jason Beghe. Zorbology denied it.";
    let ents = run(text, None);
    let z = find(&ents, "Zorbology");
    assert_ne!(z.kind, EntityKind::Person, "{ents:#?}");
    assert!(z.roles.is_empty());
}

#[test]
fn a_plural_organisation_noun_ends_an_organisation() {
    let text =
        "After talks between the State and Homeland Security Departments, the girls entered.";
    let ents = run(text, None);
    let d = find(&ents, "Homeland Security Departments");
    assert_eq!(d.kind, EntityKind::Organization, "{ents:#?}");
}

#[test]
fn a_name_between_an_article_and_an_organisation_noun_only_qualifies_it() {
    let text = "He called the Zorbology organization by phone.";
    let ents = run(text, None);
    assert!(ents.iter().all(|e| e.name != "Zorbology"), "{ents:#?}");
    let text = "He called the Zorbology organization by phone. Zorbology said nothing.";
    let ents = run(text, None);
    assert_eq!(find(&ents, "Zorbology").mentions.len(), 1);
}

#[test]
fn web_addresses_and_works_titled_with_a_colon_name_no_one() {
    let text =
        "Sites such as Zorbler.com kept the video. Players met in Quantrix: Global Offensive \
                at the show. Zorbler said nothing.";
    let ents = run(text, None);
    assert!(ents.iter().all(|e| e.name != "Quantrix"), "{ents:#?}");
    assert!(
        ents.iter().all(|e| e.name != "Global Offensive"),
        "{ents:#?}"
    );
    assert_eq!(find(&ents, "Zorbler").mentions.len(), 1, "{ents:#?}");
}

#[test]
fn leaders_code_as_government_only_in_office() {
    let text = "Benjamin Netanyahu spoke.";
    let then = run(text, Some("1985-01-01"));
    assert_eq!(then[0].code.as_deref(), Some("ISRELI"));
}

#[test]
fn appositions_give_roles_and_affiliations_and_aliases_merge() {
    let text = "Talks went on, said Dean Shmuel Elmas, a geopolitics and energy analyst for Globes. Later Mr. Elmas spoke again.";
    let ents = run(text, None);
    let p = find(&ents, "Elmas");
    assert_eq!(p.name, "Dean Shmuel Elmas");
    assert!(p.roles.iter().any(|r| r.contains("analyst")));
    assert_eq!(p.affiliation.as_deref(), Some("Globes"));
    assert!(p.mentions.iter().any(|m| m.text == "Mr. Elmas"));
    assert_eq!(find(&ents, "Globes").kind, EntityKind::Organization);
}

#[test]
fn same_surname_of_two_people_is_not_merged() {
    let text = "John Smith met Anna Smith in Paris. Then Smith left.";
    let ents = run(text, None);
    let smiths: Vec<_> = ents.iter().filter(|e| e.name.contains("Smith")).collect();
    assert!(smiths.len() >= 2);
    assert!(smiths.iter().all(|e| e.mentions.len() == 1));
}

#[test]
fn capitals_stand_for_governments_in_context() {
    let text = "Its stance has irked Jerusalem. Visitors arrived in Jerusalem.";
    let ents = run(text, None);
    let gov = ents
        .iter()
        .find(|e| e.code.as_deref() == Some("ISRGOV"))
        .expect("government");
    assert_eq!(gov.kind, EntityKind::Country);
    assert_eq!(gov.mentions.len(), 1);
    assert!(ents
        .iter()
        .any(|e| e.kind == EntityKind::Place && e.name == "Jerusalem"));
}

#[test]
fn facilities_named_after_people_are_not_people() {
    let text = "The Heydar Aliyev Cultural Center in Baku is large.";
    let ents = run(text, None);
    assert!(!ents.iter().any(|e| e.kind == EntityKind::Person));
}

#[test]
fn headlines_and_sentence_initial_words_are_not_names() {
    let text = "AZERBAIJAN AND ISRAEL: A BOND FORGED\nHowever, the talks ended.";
    let ents = run(text, None);
    assert!(ents.is_empty(), "{ents:#?}");
}

#[test]
fn groups_and_coordinated_titles() {
    let text =
        "Israel faces Hamas in Gaza. He credited Ambassadors Mukhtar Mammadov and George Deek.";
    let ents = run(text, None);
    assert_eq!(find(&ents, "Hamas").kind, EntityKind::Group);
    for n in ["Mukhtar Mammadov", "George Deek"] {
        assert_eq!(find(&ents, n).roles, vec!["Ambassador"], "{n}");
    }
}

#[test]
fn titles_spanning_of_and_census_given_names() {
    let text = "U.S. Secretary of State Warren Christopher met the Minister of Defence. \
                The Demosisto Kathryn Mauer said so.";
    let ents = run(text, Some("1995-03-01"));
    let wc = find(&ents, "Warren Christopher");
    assert_eq!(wc.kind, EntityKind::Person);
    assert_eq!(wc.roles, vec!["Secretary of State"]);
    assert_eq!(wc.country.as_deref(), Some("USA"));
    assert_eq!(find(&ents, "Kathryn Mauer").kind, EntityKind::Person);
    assert!(ents.iter().all(|e| !e.name.contains("Minister of")));
}

#[test]
fn persons_named_elsewhere_nest_in_what_bears_their_name() {
    let text = "Andy Warhol liked photo booths. The Andy Warhol Foundation gave prints, and the \
                Warhol Factory stood in New York. Ilham Aliyev spoke at the Heydar Aliyev Center.";
    let ents = run(text, None);
    let aw = find(&ents, "Andy Warhol");
    assert_eq!(aw.kind, EntityKind::Person);
    assert_eq!(aw.mentions.len(), 3, "{aw:#?}");
    assert!(ents.iter().all(|e| e.name != "Heydar Aliyev"));
}

#[test]
fn unknown_sentence_openers_are_names_only_when_written_so_elsewhere() {
    let text =
        "Foolhardy moves followed. Zorblat said so. Vexcorp grew, and rivals of Vexcorp fell.";
    let ents = run(text, None);
    assert!(ents.iter().all(|e| e.name != "Foolhardy"), "{ents:#?}");
    find(&ents, "Zorblat");
    find(&ents, "Vexcorp");
}

#[test]
fn odd_input_never_panics() {
    for t in [
        "",
        ",",
        "Mr.",
        "Mr. ,",
        "A",
        "X, a",
        "Prime Minister",
        "Dr. Dr. Dr.",
        "É É",
    ] {
        let _ = run(t, Some("garbage"));
    }
}

#[test]
fn every_prefix_of_mixed_text_is_handled() {
    let text = "Dr. Kedar, a scholar of the U.S. Navy, told Mr. É Ümit — “Tehran said” — in Baku: ISRAEL-AZERBAIJAN Ties, Ambassadors A and B.";
    for (i, _) in text.char_indices() {
        let part = &text[..i];
        for e in run(part, Some("2020-01-01")) {
            for m in &e.mentions {
                assert_eq!(&part[m.start..m.end], m.text);
            }
        }
    }
}

#[test]
fn hyphens_join_names_and_make_modifiers() {
    let text = "Hwang Hee-Chan met Wong Kwok-hing. The pro-Beijing camp cheered. Co-founder Sergey Brin used IE6.";
    let ents = run(text, None);
    assert_eq!(find(&ents, "Hwang").name, "Hwang Hee-Chan");
    assert_eq!(find(&ents, "Wong").name, "Wong Kwok-hing");
    assert!(
        !ents.iter().any(|e| e.name.contains("Beijing")),
        "{ents:#?}"
    );
    assert!(!ents
        .iter()
        .any(|e| e.name == "Co" || e.name.contains("IE6")));
    assert_eq!(find(&ents, "Brin").kind, EntityKind::Person);
}

#[test]
fn a_hyphen_between_two_countries_pairs_them() {
    let text = "He praised Israel-Azerbaijan relations. The US-China trade war deepened.";
    let ents = run(text, None);
    assert!(!ents.iter().any(|e| e.name.contains('-')), "{ents:#?}");
    for name in ["Israel", "Azerbaijan", "China"] {
        assert_eq!(find(&ents, name).kind, EntityKind::Country, "{name}");
    }
}

#[test]
fn organisation_nouns_go_on_through_for_the() {
    let text = "The donation came from the Andy Warhol Foundation for the Visual Arts last year.";
    let ents = run(text, None);
    let f = find(&ents, "Foundation");
    assert_eq!(f.kind, EntityKind::Organization);
    assert_eq!(
        f.mentions[0].text,
        "Andy Warhol Foundation for the Visual Arts"
    );
    assert!(!ents.iter().any(|e| e.name == "Visual Arts"));
}

#[test]
fn a_letter_alone_and_a_quoted_opener_name_no_one() {
    let text = "Group F ended on Monday. The professor commented, \"Hoping for change is fine.\"";
    let ents = run(text, None);
    assert!(!ents.iter().any(|e| e.name == "F"), "{ents:#?}");
    assert!(!ents.iter().any(|e| e.name == "Hoping"), "{ents:#?}");
}

#[test]
fn products_and_works_are_no_actors() {
    let text =
        "Microsoft 's Internet Explorer 6 is old. Many still use Internet Explorer at work. \
                She sailed on the cruise ship Freewinds for years. Later the Freewinds docked. \
                Sreten Lukic has 30 days to reply.";
    let ents = run(text, None);
    assert_none_named(&ents, &["Explorer", "Freewinds"]);
    assert_eq!(find(&ents, "Microsoft").kind, EntityKind::Organization);
    assert_eq!(find(&ents, "Lukic").kind, EntityKind::Person);
}

#[test]
fn persons_named_inside_a_programme_name() {
    let text =
        "Andy Warhol took photographs. The Andy Warhol Photographic Legacy Program gave them away.";
    let ents = run(text, None);
    let p = find(&ents, "Andy Warhol");
    assert_eq!(p.kind, EntityKind::Person);
    assert_eq!(p.mentions.len(), 2, "{ents:#?}");
}

#[test]
fn class_nouns_beside_unknown_names_give_their_kind() {
    let text = "Members of the Sea Lark live at sea. He left the Sea Lark group in May. \
                Villagers worship old gods, such as Vorlak, Tessim and Ombrin, at the shrine. \
                He joined Korea on Friday.";
    let ents = run(text, None);
    let sh = find(&ents, "Sea Lark");
    assert_eq!(sh.kind, EntityKind::Organization, "{sh:#?}");
    // "the Sea Lark group" types the name but is the group's phrase, no mention of its own.
    assert_eq!(sh.mentions.len(), 1, "{sh:#?}");
    for god in ["Vorlak", "Tessim", "Ombrin"] {
        assert_eq!(find(&ents, god).kind, EntityKind::Person, "{god}");
    }
    assert_eq!(find(&ents, "Korea").kind, EntityKind::Country);
}

#[test]
fn compass_words_stand_for_the_country_named_with_them() {
    let text = "Troops of North and South Korea exchanged fire. North Korea said it would respond. \
                Seoul broadcasts news into the North. The South retaliated. Winds blew from the North Sea.";
    let ents = run(text, None);
    let north = find(&ents, "North Korea");
    assert_eq!(north.code.as_deref(), Some("PRK"), "{north:#?}");
    // "North" in the coordination, "North Korea", "the North".
    assert_eq!(north.mentions.len(), 3, "{north:#?}");
    let south = ents
        .iter()
        .find(|e| e.code.as_deref() == Some("KOR"))
        .unwrap();
    // "South Korea" only: the article names no "South …" that "The South" could stand for
    // other than South Korea, which it does.
    assert_eq!(south.mentions.len(), 2, "{south:#?}");
    // A text that names no compass country leaves the word alone.
    let ents = run("The South retaliated.", None);
    assert!(
        !ents.iter().any(|e| e.kind == EntityKind::Country),
        "{ents:#?}"
    );
}

#[test]
fn countries_nest_in_titles_and_dictionary_names() {
    let text = "Support came from US President Barack Obama. The US State Department agreed.";
    let ents = run(text, None);
    let us = ents
        .iter()
        .find(|e| e.code.as_deref() == Some("USA"))
        .unwrap();
    assert_eq!(us.mentions.len(), 2, "{ents:#?}");
    assert_eq!(find(&ents, "Barack Obama").kind, EntityKind::Person);
}

#[test]
fn place_words_around_unknown_names_make_them_places() {
    let text = "Shells fell on the town of Yeoncheon. Requests came from the Municipality of \
                Bogliasco, next to Genova. The fair took place at the Metro Toronto Convention \
                Centre. Image: Snbehnke.";
    let ents = run(text, None);
    for place in ["Yeoncheon", "Genova", "Convention Centre"] {
        assert_eq!(
            find(&ents, place).kind,
            EntityKind::Place,
            "{place}: {ents:#?}"
        );
    }
    let bog = ents.iter().filter(|e| e.name.contains("Bogliasco"));
    let kinds: Vec<_> = bog.map(|e| e.kind).collect();
    assert!(kinds.contains(&EntityKind::Organization), "{ents:#?}");
    assert!(kinds.contains(&EntityKind::Place), "{ents:#?}");
    assert_eq!(find(&ents, "Snbehnke").kind, EntityKind::Person);
}

#[test]
fn undated_former_officials_code_by_their_dated_office() {
    // Kofi Annan's entry: IGOUNO for his term, a bare ELI undated.
    let ents = run("Kofi Annan spoke.", None);
    assert_eq!(find(&ents, "Annan").code.as_deref(), Some("IGOUNO"));
    let later = run("Kofi Annan spoke.", Some("2015-01-01"));
    assert_eq!(find(&later, "Annan").code.as_deref(), Some("ELI"));
}

#[test]
fn the_arabic_article_opens_a_hyphenated_name() {
    let ents = run("Drones killed eight top al-Qaeda leaders.", None);
    let q = ents
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == "al-Qaeda"))
        .unwrap_or_else(|| panic!("{ents:#?}"));
    assert_eq!(q.code.as_deref(), Some("IMGMUSALQ"));
}

#[test]
fn first_and_last_name_find_a_listed_full_name() {
    let ents = run(
        "A judge ordered former president Carlos Menem to appear.",
        None,
    );
    assert_eq!(find(&ents, "Menem").country.as_deref(), Some("ARG"));
}

#[test]
fn own_lists_correct_the_converted_ones() {
    let ents = run("The Palestinian Islamic Jihad movement rejected it.", None);
    assert_eq!(find(&ents, "Jihad").code.as_deref(), Some("PSEREB"));
}

#[test]
fn feasts_faiths_tags_and_modified_products_are_no_actors() {
    let text = "Pilgrims arrive in Mecca for the Hajj. Mecca is Islam 's holiest site. \
                She spoke of Islamophobia and posted #IStandWithAhmed on Twitter. \
                Warhol liked the Polaroid camera. The Polaroid format made him famous. \
                Microsoft 's Internet Explorer 6 is old, and IE could fall to fourth place. \
                The Border Force vessel docked. Chinese New Year ended.";
    let ents = run(text, None);
    for word in [
        "Hajj",
        "Islam",
        "Islamophobia",
        "IStandWithAhmed",
        "Polaroid",
        "IE",
        "New Year",
    ] {
        assert!(
            !ents.iter().any(|e| e.name.contains(word)),
            "{word}: {ents:#?}"
        );
    }
    assert_eq!(find(&ents, "Border Force").kind, EntityKind::Organization);
    assert_eq!(find(&ents, "Microsoft").kind, EntityKind::Organization);
}

#[test]
fn a_lone_surname_with_a_listed_title_names_the_person() {
    let ents = run("President Bush has threatened further action.", None);
    let b = find(&ents, "Bush");
    assert_eq!(b.country.as_deref(), Some("USA"));
    assert_eq!(b.code.as_deref(), Some("USAGOV"));
    let ents = run(
        "The Bush administration declared on Tuesday that talks failed.",
        None,
    );
    assert_eq!(find(&ents, "Bush").country.as_deref(), Some("USA"));
    // in office on the date: the son, not the father
    let ents = run("President Bush spoke.", Some("2003-05-01"));
    assert_eq!(find(&ents, "Bush").name, "Bush");
    assert_eq!(find(&ents, "Bush").code.as_deref(), Some("USAGOV"));
    // a surname the dictionary lists with no title stays unresolved
    let ents = run("Bush said the talks failed.", None);
    assert_eq!(find(&ents, "Bush").country, None);
}

#[test]
fn names_made_of_ordinary_words_are_organisations() {
    let text =
        "Cheng Chung-tai of Civic Passion won. Tiziano Lugli spoke. Fiorenzo Baldacci agreed.";
    let ents = run(text, None);
    assert_eq!(find(&ents, "Civic Passion").kind, EntityKind::Organization);
    assert_eq!(find(&ents, "Tiziano Lugli").kind, EntityKind::Person);
    assert_eq!(find(&ents, "Fiorenzo Baldacci").kind, EntityKind::Person);
}

#[test]
fn initials_hotels_caves_and_product_lines() {
    let text = "The school was not alone in receiving a donation. K.C. Maurer, its treasurer, \
                agreed. Many died when the Al-Ghaza Hotel collapsed. Players go to the Bat Cave. \
                Sony showed the PlayStation VR headset. IE6 shipped with Windows XP.";
    let ents = run(text, None);
    assert_eq!(find(&ents, "Maurer").kind, EntityKind::Person);
    assert_eq!(find(&ents, "Al-Ghaza Hotel").kind, EntityKind::Place);
    assert_eq!(find(&ents, "Bat Cave").kind, EntityKind::Place);
    assert_none_named(&ents, &["PlayStation", "Windows"]);
}

#[test]
fn unseen_names_holding_a_place_are_no_persons() {
    let text = "Fans met at the 22nd Fan Expo Canada this week. Groups included the Ontario Ghostbusters. She met Russian Igor Andreev.";
    let ents = run(text, None);
    assert_eq!(
        find(&ents, "Fan Expo Canada").kind,
        EntityKind::Organization
    );
    assert_eq!(
        find(&ents, "Ontario Ghostbusters").kind,
        EntityKind::Organization
    );
    // A nationality before a person's name keeps the person.
    assert_eq!(find(&ents, "Igor Andreev").kind, EntityKind::Person);
    assert!(ents
        .iter()
        .any(|e| e.kind == EntityKind::Country && e.code.as_deref() == Some("CAN")));
}

#[test]
fn units_written_in_capitals_are_no_names() {
    let text = "He was freed on US$ 20,000 bail and the flag cost NZ $ 26 million. At 15:11 GMT the site was back, the blog said in part XVII of its series.";
    let ents = run(text, None);
    assert!(ents.is_empty(), "{ents:#?}");
}

#[test]
fn landforms_and_monuments_are_places() {
    let text = "Pilgrims gathered on the Plains of Arafat. Ships crossed the Taiwan Strait near the Lincoln Memorial Bridge and the Niger Delta.";
    let ents = run(text, None);
    for name in ["Plains of Arafat", "Taiwan Strait", "Niger Delta"] {
        assert_eq!(find(&ents, name).kind, EntityKind::Place, "{name}");
    }
}

#[test]
fn an_ordinary_word_as_a_surname_names_the_person() {
    let text = "The director John Waters opened the show. In her remarks, Waters pointed out the prints. The waters rose.";
    let ents = run(text, None);
    let jw = find(&ents, "John Waters");
    assert_eq!(jw.kind, EntityKind::Person);
    assert_eq!(jw.mentions.len(), 2, "{jw:#?}");
}

#[test]
fn places_and_organisations_inside_event_names_and_city_short_forms() {
    let text = "The Taipei City Lantern Festival opened. The United Nations World Summit began. Whitmore told LA Weekly that it was over.";
    let ents = run(text, None);
    assert_eq!(find(&ents, "Taipei").kind, EntityKind::Place);
    assert_eq!(find(&ents, "United Nations").kind, EntityKind::Organization);
    let la = find(&ents, "Los Angeles");
    assert_eq!(la.kind, EntityKind::Place);
    assert!(ents.iter().all(|e| !e.name.contains("Festival")));
}

#[test]
fn guessed_names_in_quoted_titles_are_not_actors() {
    let text = "Microsoft launched a website, \"The Internet Explorer 6 Countdown\", today. \
                A cosplayer going by the name \"The Katherinator\" came too.";
    let ents = run(text, None);
    assert_none_named(&ents, &["Countdown", "Katherinator"]);
    assert!(ents.iter().any(|e| e.name.contains("Microsoft")));
}

/// Fails when an entity's name holds one of `parts`.
fn assert_none_named(ents: &[Entity], parts: &[&str]) {
    for part in parts {
        assert!(
            !ents.iter().any(|e| e.name.contains(part)),
            "{part}: {ents:#?}"
        );
    }
}

#[test]
fn organisation_names_keep_a_possessive_or_a_nationality_that_opens_them() {
    let text = "Commanders of the Korean People's Army were sent to the front. Survivors were \
                saved by the Indonesian Navy, a spokesman said.";
    let ents = run(text, None);
    for (part, mention) in [
        ("People", "Korean People's Army"),
        ("Navy", "Indonesian Navy"),
    ] {
        let org = find(&ents, part);
        assert_eq!(org.kind, EntityKind::Organization);
        assert_eq!(org.mentions[0].text, mention);
    }
    assert_eq!(find(&ents, "Navy").country.as_deref(), Some("IDN"));
    assert_eq!(find(&ents, "Navy").code.as_deref(), Some("IDNMIL"));
}

#[test]
fn runs_split_before_a_person_named_after_an_organisation_or_honorific() {
    let text = "The chief executive of the Refugee Council Enver Solomon told reporters it was \
                wrong. Undersecretary for Education Mr. Toccafondi says schools will pay.";
    let ents = run(text, None);
    assert_eq!(
        find(&ents, "Refugee Council").kind,
        EntityKind::Organization
    );
    assert_eq!(find(&ents, "Enver Solomon").kind, EntityKind::Person);
    let t = find(&ents, "Toccafondi");
    assert_eq!(t.kind, EntityKind::Person);
    assert!(t.mentions.iter().any(|m| m.text == "Mr. Toccafondi"));
}

#[test]
fn conferences_are_bodies_unless_meetings() {
    let text = "The head of the Italian Episcopal Conference, Nunzio Galantino, spoke. \
                Donors met at the Bonn Conference and the 2009 Climate Conference.";
    let ents = run(text, None);
    assert_eq!(find(&ents, "Episcopal").kind, EntityKind::Organization);
    assert_none_named(&ents, &["Bonn Conference", "Climate"]);
}

#[test]
fn ordinary_word_opening_a_sentence_is_no_name() {
    let text = "New faces emerge as veteran politicians step down.\n\nVoters in the New \
                Territories chose them.";
    let ents = run(text, None);
    assert!(
        !ents
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.text == "New")),
        "{ents:#?}"
    );
}

#[test]
fn a_name_an_apposition_shows_personal_is_personal_throughout() {
    let text = "Valeska Paris, an Australian woman, has spoken out. \n\nValeska Paris said she \
                was held for years. Paris was born in Switzerland.";
    let ents = run(text, None);
    assert!(
        !ents
            .iter()
            .any(|e| e.kind == EntityKind::Place && e.name.contains("Paris")),
        "{ents:#?}"
    );
    let p = find(&ents, "Valeska Paris");
    assert_eq!(p.kind, EntityKind::Person);
    assert!(
        p.mentions
            .iter()
            .filter(|m| m.text == "Valeska Paris")
            .count()
            == 2
    );
}

#[test]
fn members_places_after_prepositions_and_compass_districts() {
    let text = "Valeska Paris, a former Scientologist, left the Church of Scientology. She \
                studied at the University of North Carolina at Chapel Hill. In the Kowloon \
                West constituency, a newcomer won. Wu Chi-wai of the Democratic Party Leung \
                Yiu-chung of NWSC won too.";
    let ents = run(text, None);
    assert_none_named(&ents, &["Scientologist"]);
    assert_eq!(find(&ents, "Chapel Hill").kind, EntityKind::Place);
    assert_eq!(find(&ents, "Kowloon West").kind, EntityKind::Place);
    assert_eq!(
        find(&ents, "Democratic Party").kind,
        EntityKind::Organization
    );
    assert_eq!(find(&ents, "Leung Yiu-chung").kind, EntityKind::Person);
}

#[test]
fn a_listed_name_opening_with_a_nationality_is_not_split_at_its_role_word() {
    let text = "Officials of the Palestinian Authority met Syrian Foreign Minister Faisal Mekdad \
                in Amman.";
    let ents = run(text, None);
    let pa = find(&ents, "Palestinian Authority");
    assert_eq!(pa.kind, EntityKind::Organization);
    assert_eq!(pa.mentions[0].text, "Palestinian Authority");
    assert_eq!(pa.code.as_deref(), Some("PSEGOV"));
    // An unlisted run still gives its nationality word a mention of its own.
    assert_eq!(find(&ents, "Syria").kind, EntityKind::Country);
    assert_eq!(find(&ents, "Mekdad").kind, EntityKind::Person);
}

#[test]
fn an_ordinary_last_word_gives_an_unknown_name_no_kind() {
    // "Man" is a town's name too, but news writes it as a common noun; the unknown brand
    // before it makes the name an organisation's, not a place's.
    let text = "Harry Kane won the Budweiser Man of the Match award.";
    let ents = run(text, None);
    let b = find(&ents, "Budweiser");
    assert_eq!(b.kind, EntityKind::Organization, "{ents:#?}");
}

#[test]
fn an_unknown_name_after_a_person_and_of_is_an_affiliation() {
    let text = "The show has Polaroids of musician Nick Rhodes of Duran Duran and others.";
    let ents = run(text, None);
    assert_eq!(find(&ents, "Nick Rhodes").kind, EntityKind::Person);
    assert_eq!(
        find(&ents, "Duran").kind,
        EntityKind::Organization,
        "{ents:#?}"
    );
}

#[test]
fn a_country_run_into_a_persons_name_splits_before_it() {
    let text = "According to Afghan Ambassador to the United States Hamdullah Mohib, the team \
                came. The winner for France Jean Dupont spoke later. U.S. President Barack \
                Obama replied.";
    let ents = run(text, None);
    assert_eq!(find(&ents, "Hamdullah Mohib").kind, EntityKind::Person);
    assert_eq!(find(&ents, "Jean Dupont").kind, EntityKind::Person);
    assert!(ents
        .iter()
        .any(|e| e.name == "France" && e.kind == EntityKind::Country));
    // A title after the country keeps the person's mention whole.
    let obama = find(&ents, "Barack Obama");
    assert_eq!(
        obama.mentions[0].text, "U.S. President Barack Obama",
        "{obama:#?}"
    );
}

#[test]
fn parties_and_sports_bodies_are_listed_under_their_short_names() {
    let text = "Labour has a plan to fast-track claims. The FIFA World Cup 2018 opened in Moscow.";
    let ents = run(text, None);
    let labour = find(&ents, "Labour");
    assert_eq!(labour.kind, EntityKind::Organization, "{ents:#?}");
    // Labour parties stand in several countries: the name alone codes no country.
    assert_eq!(labour.code, None);
    assert_eq!(find(&ents, "FIFA").kind, EntityKind::Organization);
}

#[test]
fn a_one_person_office_after_the_is_that_person() {
    let text = "The President has drawn praise. The King of Spain came.";
    let ents = run(text, None);
    assert_eq!(find(&ents, "President").kind, EntityKind::Person);
    assert_none_named(&ents, &["King"]);
}

#[test]
fn a_town_before_its_state_is_a_place() {
    let text = "Google's headquarters are located in Mountain View, California. Hernan Dario \
                Gomez, Panama coach, said the team played well.";
    let ents = run(text, None);
    assert_eq!(
        find(&ents, "Mountain View").kind,
        EntityKind::Place,
        "{ents:#?}"
    );
    assert_eq!(find(&ents, "Gomez").kind, EntityKind::Person, "{ents:#?}");
}

#[test]
fn bodies_written_before_a_plural_noun_and_service_districts_are_organisations() {
    let text = "After some interplay between the State and Homeland Security Departments, the \
                girls were granted parole. The Irving Independent School District said nothing.";
    let ents = run(text, None);
    let state = ents.iter().find(|e| e.name == "State").expect("State");
    assert_eq!(state.kind, EntityKind::Organization, "{ents:#?}");
    let district = find(&ents, "School District");
    assert_eq!(district.kind, EntityKind::Organization, "{ents:#?}");
}

#[test]
fn teams_groups_and_the_short_form_of_organization() {
    let text = "Team Estonia had to rebuild their robot. Group F — Sweden 1 – 0 Korea Republic. \
                She joined the Sea Org aged 14 and left the Sea Org group later.";
    let ents = run(text, None);
    let team = find(&ents, "Team Estonia");
    assert_eq!(team.kind, EntityKind::Organization, "{ents:#?}");
    assert_eq!(team.country.as_deref(), Some("EST"));
    assert_eq!(
        find(&ents, "Group F").kind,
        EntityKind::Organization,
        "{ents:#?}"
    );
    let org = find(&ents, "Sea Org");
    assert_eq!(org.kind, EntityKind::Organization, "{ents:#?}");
    // "the Sea Org group": the noun heads the phrase, the name only qualifies it.
    assert_eq!(org.mentions.len(), 1, "{org:#?}");
}

#[test]
fn persons_a_foundation_or_memorial_is_named_after_are_mentions_of_their_own() {
    let text = "The study was supported by the Croucher Foundation. Crowds filled the Chiang \
                Kai Shek Memorial. The Texas Memorial Museum opened.";
    let ents = run(text, None);
    assert_eq!(
        find(&ents, "Croucher Foundation").kind,
        EntityKind::Organization
    );
    let persons: Vec<&str> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(persons, ["Croucher", "Chiang Kai Shek"], "{ents:#?}");
}

#[test]
fn a_city_word_before_a_possessive_kin_noun_is_the_person() {
    let text = "Valeska Paris, an Australian woman, has spoken out. Her mother left after her \
                ex-husband and Paris's father died.";
    let ents = run(text, None);
    assert!(
        !ents.iter().any(|e| e.kind == EntityKind::Place),
        "{ents:#?}"
    );
    assert_eq!(find(&ents, "Valeska Paris").mentions.len(), 2, "{ents:#?}");
}

#[test]
fn the_head_of_a_word_an_apostrophe_runs_through_names_no_one() {
    let ents = run(
        "Mortar rounds killed three Shi'ite pilgrims near Karbala.",
        None,
    );
    assert!(
        !ents.iter().any(|e| e.kind == EntityKind::Person),
        "{ents:#?}"
    );
}

#[test]
fn class_nouns_before_names_and_romance_organisation_openers() {
    let text = "Superheroes Black Widow and Captain America posed. The request concerns the \
                religious schools Santo Spirito and Immacolata in Livorno. Instituto Gonzaga, a \
                catholic school in Milan, agreed.";
    let ents = run(text, None);
    let widow = find(&ents, "Black Widow");
    assert_eq!(widow.name, "Black Widow");
    assert_eq!(widow.kind, EntityKind::Person, "{ents:#?}");
    assert_eq!(
        find(&ents, "Santo Spirito").kind,
        EntityKind::Organization,
        "{ents:#?}"
    );
    assert_eq!(
        find(&ents, "Instituto Gonzaga").kind,
        EntityKind::Organization,
        "{ents:#?}"
    );
}

#[test]
fn title_tails_and_prize_compounds_name_no_one() {
    let text = "John Kerry, the Secretary of State, called. Atwood, a Booker Prize-winner, was \
                there.";
    let ents = run(text, None);
    assert!(!ents.iter().any(|e| e.name == "State"), "{ents:#?}");
    assert!(!ents.iter().any(|e| e.name.contains("Booker")), "{ents:#?}");
}

#[test]
fn a_nationality_before_a_collective_role_word_is_a_country_mention() {
    let countries = |text: &str| -> Vec<String> {
        run(text, None)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Country)
            .flat_map(|e| e.mentions.into_iter().map(|m| m.text))
            .collect()
    };
    // The actor coder's collective role words, plural or singular.
    assert_eq!(countries("He said Afghan officials met them."), ["Afghan"]);
    assert_eq!(
        countries("He said Afghan authorities met them."),
        ["Afghan"]
    );
    // A nationality coordinated with another name before the role word.
    let both = countries("He said Afghan and U.S. forces killed eight insurgents.");
    assert!(both.iter().any(|m| m == "Afghan"), "{both:?}");
    let led = countries("He said Afghan and U.S.-led troops fought there.");
    assert!(led.iter().any(|m| m == "Afghan"), "{led:?}");
    // Before an ordinary noun it names no actor.
    assert!(countries("He said Afghan carpets sold well.").is_empty());
    assert!(countries("He said Greek and Roman gods were worshipped.").is_empty());
}

#[test]
fn kosovo_is_a_country() {
    let ents = run("Officials in Kosovo say the talks failed.", None);
    assert_eq!(find(&ents, "Kosovo").kind, EntityKind::Country);
}

#[test]
fn a_hyphen_inside_a_listed_name_reads_as_a_space() {
    let ents = run(
        "Former president Jean-Bertrand Aristide met Kim Jong-il on Friday.",
        None,
    );
    let ja = find(&ents, "Aristide");
    assert_eq!(ja.kind, EntityKind::Person);
    assert_eq!(ja.country.as_deref(), Some("HTI"), "{ja:#?}");
    assert_eq!(find(&ents, "Kim Jong").country.as_deref(), Some("PRK"));
}

#[test]
fn an_organisation_name_gone_through_for_goes_on_through_of() {
    let ents = run(
        "The Forces for Defence of Democracy attacked the army.",
        None,
    );
    let f = find(&ents, "Forces");
    assert_eq!(f.name, "Forces for Defence of Democracy", "{ents:#?}");
    assert_eq!(f.kind, EntityKind::Organization);
}

#[test]
fn an_initial_glued_to_a_dot_goes_on_even_when_it_is_a() {
    let ents = run("He walked into the lobby of the East L.A. station.", None);
    assert!(
        ents.iter()
            .any(|e| e.mentions.iter().any(|m| m.text == "East L.A")
                || e.mentions.iter().any(|m| m.text == "East L.A.")),
        "{ents:#?}"
    );
}

#[test]
fn storms_wars_and_diseases_are_no_actors() {
    let ents = run(
        "He said Hurricane Katrina struck after World War II veterans met, and AIDS spread.",
        None,
    );
    assert_none_named(&ents, &["Katrina", "World War", "AIDS"]);
    // A storm word opening the sentence, and a storm named after a listed place.
    let ents = run(
        "Hurricane Katrina struck. Tropical Storm Beta passed.",
        None,
    );
    assert_none_named(&ents, &["Katrina", "Beta"]);
}

#[test]
fn plural_nationality_words_name_the_country() {
    let ents = run("He said two Canadians and three Iraqis were freed.", None);
    assert_eq!(find(&ents, "Canada").kind, EntityKind::Country);
    assert_eq!(find(&ents, "Iraq").kind, EntityKind::Country);
    // An ethnic group is no country's people.
    let ents = run("Police said ethnic Albanians protested.", None);
    assert!(
        !ents.iter().any(|e| e.kind == EntityKind::Country),
        "{ents:#?}"
    );
}

#[test]
fn a_regions_adjective_before_a_noun_names_no_one() {
    let ents = run(
        "The United States and its European allies met an Asian delegation.",
        None,
    );
    assert_none_named(&ents, &["European", "Asian"]);
    let ents = run("Turkish troops attacked Kurdish rebels there.", None);
    assert_none_named(&ents, &["Kurdish"]);
}

#[test]
fn a_common_word_after_a_hyphen_ends_a_listed_name() {
    let ents = run("Secretary-General Ban Ki-moon spoke on Friday.", None);
    let b = find(&ents, "Ban Ki");
    assert_eq!(b.kind, EntityKind::Person, "{ents:#?}");
    assert!(b.mentions[0].text.ends_with("Ban Ki-moon"), "{b:#?}");
    // An unlisted name keeps the compound apart ("NASA T-shirt").
    let ents = run("He wore a NASA T-shirt there.", None);
    assert_none_named(&ents, &["T"]);
}

#[test]
fn an_abstract_noun_and_of_name_no_actor() {
    let ents = run(
        "Under the Cessation of Hostilities, fighters left. The Abolition of Slavery was read.",
        None,
    );
    assert_none_named(&ents, &["Cessation", "Hostilities", "Abolition", "Slavery"]);
    // Bodies keep their names.
    let ents = run("The Community of Sant Egidio met them.", None);
    assert!(!ents.is_empty());
}

#[test]
fn a_listed_body_before_a_title_and_a_listed_person_is_a_mention_of_its_own() {
    let ents = run("Federal Reserve Chairman Alan Greenspan spoke.", None);
    assert_eq!(
        find(&ents, "Federal Reserve").kind,
        EntityKind::Organization
    );
    let ag = find(&ents, "Greenspan");
    assert_eq!(ag.mentions[0].text, "Chairman Alan Greenspan", "{ag:#?}");
    // A listed name holding the title stays whole.
    let ents = run("U.N. Secretary General Kofi Annan spoke.", None);
    assert_eq!(
        find(&ents, "Annan").mentions[0].text,
        "U.N. Secretary General Kofi Annan"
    );
}

#[test]
fn name_lengths_are_those_of_the_written_names() {
    let text = "Mr. Jean-Luc  Picard met U.S. Secretary of State Antony J. Blinken’s aides.";
    let blocks = vec![Block {
        kind: BlockKind::Paragraph,
        start: 0,
        end: text.len(),
    }];
    let sents = sentences(text, &blocks);
    let fine = crate::fine_tokens(text, &tokenize(text));
    let lowered = crate::LoweredText::new(text);
    let toks = view::build(text, &lowered, &sents, &fine);
    for s in 0..toks.len() {
        for e in s..=toks.len() {
            assert_eq!(span_text_len(&toks, s, e), span_text(&toks, s, e).len());
        }
    }
}
