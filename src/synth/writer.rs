//! The text of one resolution: its title, citations, recitals, paragraphs and
//! footnotes, with the people named in them.

use std::fmt::Write as _;

use crate::model::UnitKind;

use super::rng::Rng;
use super::spelling::Spelling;
use super::{Corpus, SynthResolution, SynthUnit};

/// The first year resolutions are dated in.
pub(super) const FIRST_YEAR: usize = 2009;
/// How many years resolutions are spread over (2009 to 2024).
pub(super) const YEARS: usize = 16;

pub(super) const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "Kazakhstan",
        &[
            "Astana",
            "Almaty",
            "Shymkent",
            "Zhanaozen",
            "Aktobe",
            "Oral",
            "Semey",
        ],
    ),
    (
        "Russia",
        &[
            "Moscow",
            "Saint Petersburg",
            "Kazan",
            "Yekaterinburg",
            "Novosibirsk",
        ],
    ),
    (
        "Belarus",
        &["Minsk", "Hrodna", "Brest", "Homyel", "Vitsyebsk"],
    ),
    ("Kyrgyzstan", &["Bishkek", "Osh", "Karakol", "Naryn"]),
    ("Tajikistan", &["Dushanbe", "Khujand", "Khorugh"]),
    ("Uzbekistan", &["Tashkent", "Nukus", "Samarkand", "Andijan"]),
    ("Azerbaijan", &["Baku", "Ganja", "Sumqayit"]),
];

pub(super) const ORGANISATIONS: &[&str] = &[
    "Amnesty International",
    "Human Rights Watch",
    "Freedom House",
    "the Norwegian Helsinki Committee",
    "the Committee to Protect Journalists",
    "Reporters Without Borders",
    "the International Partnership for Human Rights",
    "the OSCE Office for Democratic Institutions and Human Rights (ODIHR)",
    "the UN Working Group on Arbitrary Detention",
    "the Office of the UN High Commissioner for Human Rights (OHCHR)",
    "the International Federation for Human Rights (FIDH)",
    "Front Line Defenders",
    "the World Organisation Against Torture (OMCT)",
    "the Bureau for Human Rights and the Rule of Law",
    "the Steppe Workers' Union",
    "the Independent Journalists' Association",
];

pub(super) const LAWS: &[&str] = &[
    "Criminal Code",
    "Code of Administrative Offences",
    "Law on Peaceful Assemblies",
    "Law on Mass Media",
    "Law on Non-Commercial Organisations",
    "Law on Countering Extremism",
    "Law on Trade Unions",
    "Law on Foreign Agents",
    "Law on Religious Activity and Religious Associations",
];

pub(super) const CHARGES: &[&str] = &[
    "spreading knowingly false information",
    "organising mass riots",
    "inciting social discord",
    "participation in the activities of a banned extremist organisation",
    "financing extremism",
    "abuse of office",
    "tax evasion",
    "leading an unregistered trade union",
    "insulting a representative of the authorities",
];

pub(super) const ROLES: &[&str] = &[
    "human rights defender",
    "journalist",
    "lawyer",
    "blogger",
    "trade union leader",
    "opposition activist",
    "civic activist",
    "poet",
    "environmental activist",
    "member of the coordination council",
];

pub(super) const INSTITUTIONS: &[&str] = &[
    "the Commission",
    "the Council",
    "the European External Action Service (EEAS)",
    "the Vice-President of the Commission / High Representative of the Union for Foreign Affairs and Security Policy (VP/HR)",
    "the Member States",
    "the EU Delegation",
    "the EU Special Representative for Human Rights",
];

pub(super) const TOPICS: &[&str] = &[
    "the human rights situation in {country}",
    "the crackdown on civil society in {country}",
    "media freedom and the safety of journalists in {country}",
    "the persecution of human rights defenders in {country}",
    "the case of {person} in {country}",
];

/// Recital clauses, each following "whereas ".
pub(super) const RECITALS: &[&str] = &[
    "{role} {person} was arrested on {date} in {city} on charges of {charge} under Article {article} of the {law}",
    "on {date} the {city} City Court sentenced {person} to {years} years in prison for {charge}",
    "{person}, a {role} and member of {org}, has been held in pre-trial detention since {date}",
    "{org} reported that {person} had been subjected to torture and ill-treatment in detention",
    "the trial of {person} and {person} was closed to observers, including diplomats from EU Member States",
    "the authorities of {country} have intensified pressure on independent media and on {org}",
    "on {date} the authorities ordered the liquidation of the organisation led by {person}",
    "freedom of expression, peaceful assembly and association remain severely restricted in {country}, and the {law} has been used to criminalise peaceful dissent",
    "the UN Special Rapporteur on the situation of human rights defenders has expressed concern about the case of {role} {person}",
    "the family of {person} has not been allowed to visit him or her since {date}",
    "{person} was placed on the list of persons involved in terrorism and extremism on {date}",
    "the amendments to the {law} adopted on {date} impose harsh restrictions on the registration and funding of civil society organisations",
    "peaceful protests in {city} on {date} were dispersed and more than {count} people were detained",
    "{role} {person} was forcibly placed in a psychiatric institution on {date}",
];

/// Paragraphs, each with its opening verb.
pub(super) const PARAGRAPHS: &[&str] = &[
    "Condemns the arrest of {person} and {person}, and calls for their immediate and unconditional release",
    "Urges the authorities of {country} to release {role} {person}, who is detained solely for exercising the right to freedom of expression",
    "Calls on {institution} to raise the case of {person} at the next Human Rights Dialogue with {country}",
    "Expresses its deep concern about the deterioration of the human rights situation in {country} since {date}",
    "Deplores the use of the {law} against {org} and {role} {person}",
    "Calls on the authorities of {country} to amend the {law} in line with international standards and the recommendations of {org}",
    "Urges the release of {person}, {person} and all other political prisoners in {country}",
    "Reiterates its call on {institution} to monitor the trials of human rights defenders and journalists in {city}",
    "Calls for an independent investigation into the allegations of torture of {person} and for those responsible to be brought to justice",
    "Welcomes the release of {person} on {date} and calls for the charges against him or her to be dropped",
    "Calls on {institution} to consider targeted sanctions against officials responsible for the persecution of {person}",
    "Stresses that the Enhanced Partnership and Cooperation Agreement must be based on respect for democracy, the rule of law and human rights",
];

pub(super) const CITATIONS: &[&str] = &[
    "having regard to its previous resolutions on {country}, in particular that of {date}",
    "having regard to the statement by the spokesperson of the EEAS of {date} on the sentencing of {person}",
    "having regard to the Universal Declaration of Human Rights of 1948",
    "having regard to the International Covenant on Civil and Political Rights",
    "having regard to the UN Declaration on Human Rights Defenders of December 1998",
    "having regard to the EU Guidelines on Human Rights Defenders",
    "having regard to the Enhanced Partnership and Cooperation Agreement between the European Union and {country} of {date}",
    "having regard to the EU Annual Report on Human Rights and Democracy in the World",
    "having regard to the UN Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
    "having regard to the opinion of {org} of {date} on the {law}",
    "having regard to the Council conclusions of {date} on the EU strategy on Central Asia",
    "having regard to the Human Rights Dialogue with {country} held on {date}",
];

/// Writes one resolution.
pub(super) struct Writer<'a> {
    pub(super) corpus: &'a Corpus,
    pub(super) rng: &'a mut Rng,
    pub(super) index: usize,
    pub(super) country: usize,
}

impl<'a> Writer<'a> {
    pub(super) fn new(corpus: &'a Corpus, rng: &'a mut Rng, index: usize) -> Writer<'a> {
        let country = rng.below(COUNTRIES.len());
        Writer {
            corpus,
            rng,
            index,
            country,
        }
    }

    /// The resolution's date. Its year follows from its index, so that with its
    /// number in the year ([`Writer::number`]) the reference is unique.
    pub(super) fn date(&mut self) -> (String, String) {
        // Drawn and set aside, so the rest of the text is what it was when years
        // were drawn at random.
        let _ = self.rng.range(2009, 2025);
        let year = FIRST_YEAR + self.index % YEARS;
        let month = self.rng.below(12);
        let day = self.rng.range(1, 28);
        (
            format!("{day} {} {year}", month_name(month)),
            format!("{year}-{:02}-{day:02}", month + 1),
        )
    }

    /// Fills `{…}` slots of a template.
    pub(super) fn fill(&mut self, template: &str, mentions: &mut Vec<(usize, Spelling)>) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let slot = &after[..close];
            let (country, cities) = COUNTRIES[self.country];
            match slot {
                "person" => {
                    let rank = self.corpus.draw_person(self.rng);
                    let spelling = Spelling::draw(self.rng);
                    let person = &self.corpus.people[rank];
                    if self.rng.chance(15) {
                        // Official-list style: SURNAME Given.
                        let surname = person.surname(spelling).to_uppercase();
                        let _ = write!(out, "{surname} {}", person.given(spelling));
                    } else {
                        out.push_str(&person.full_name(spelling));
                    }
                    mentions.push((rank, spelling));
                }
                "country" => out.push_str(country),
                "city" => out.push_str(self.rng.pick(cities)),
                "org" => out.push_str(self.rng.pick(ORGANISATIONS)),
                "law" => out.push_str(self.rng.pick(LAWS)),
                "charge" => out.push_str(self.rng.pick(CHARGES)),
                "role" => out.push_str(self.rng.pick(ROLES)),
                "institution" => out.push_str(self.rng.pick(INSTITUTIONS)),
                "date" => {
                    let (d, _) = self.date();
                    out.push_str(&d);
                }
                "article" => {
                    let _ = write!(out, "{}", self.rng.range(100, 420));
                }
                "years" => {
                    let _ = write!(out, "{}", self.rng.range(2, 12));
                }
                "count" => {
                    let _ = write!(out, "{}", self.rng.range(2, 90) * 10);
                }
                other => out.push_str(other),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The resolution's number within its year: resolutions `i` and `i + YEARS` share
    /// a year, so `i / YEARS + 1` is unique there, and has four digits, as EP
    /// references do, up to `9999 × YEARS` resolutions (about ten million units).
    pub(super) fn number(&self) -> usize {
        self.index / YEARS + 1
    }

    pub(super) fn resolution(mut self, max_units: usize) -> SynthResolution {
        let (date_text, date_iso) = self.date();
        let year = &date_iso[..4];
        let term = match year {
            y if y < "2014" => 7,
            y if y < "2019" => 8,
            y if y < "2024" => 9,
            _ => 10,
        };
        let reference = format!("TA-{term}-{year}-{:04}", self.number());

        // Plan the unit counts, then shrink them to fit `max_units`.
        let mut plan = [
            self.rng.range(8, 12),
            self.rng.range(15, 28),
            self.rng.range(18, 32),
            self.rng.range(2, 5),
        ];
        let total: usize = plan.iter().sum();
        if total > max_units {
            let mut scaled = plan.map(|n| n * max_units / total);
            let used: usize = scaled.iter().sum();
            scaled[2] += max_units - used;
            plan = scaled;
        }
        plan[3] = plan[3].min(plan[0]);
        if plan.iter().sum::<usize>() < max_units.min(total) {
            plan[2] += max_units.min(total) - plan.iter().sum::<usize>();
        }
        let [n_cit, n_rec, n_par, n_fn] = plan;

        let mut units: Vec<SynthUnit> = Vec::with_capacity(n_cit + n_rec + n_par + n_fn);
        let mut no_mentions = Vec::new();
        let topic_template = self.rng.pick(TOPICS);
        let topic = self.fill(topic_template, &mut no_mentions);
        let title = format!("European Parliament resolution of {date_text} on {topic}");

        for i in 0..n_cit {
            let mut mentions = Vec::new();
            let mut text = if i + 1 == n_cit && n_cit > 2 {
                "having regard to Rules 144(5) and 132(4) of its Rules of Procedure".to_string()
            } else {
                let t = self.rng.pick(CITATIONS);
                self.fill(t, &mut mentions)
            };
            if i < n_fn {
                let _ = write!(text, "({})", i + 1);
            }
            text.push(',');
            units.push(SynthUnit {
                kind: UnitKind::Citation,
                label: (i + 1).to_string(),
                text,
                mentions,
            });
        }
        for i in 0..n_rec {
            let mut mentions = Vec::new();
            let clauses = self.rng.range(1, 4);
            let mut text = String::new();
            for c in 0..clauses {
                if c > 0 {
                    text.push_str("; ");
                }
                text.push_str("whereas ");
                let t = self.rng.pick(RECITALS);
                let clause = self.fill(t, &mut mentions);
                text.push_str(&clause);
            }
            text.push(';');
            units.push(SynthUnit {
                kind: UnitKind::Recital,
                label: recital_label(i),
                text,
                mentions,
            });
        }
        for i in 0..n_par {
            let mut mentions = Vec::new();
            let text = if i + 1 == n_par && n_par > 2 {
                let (country, _) = COUNTRIES[self.country];
                format!(
                    "Instructs its President to forward this resolution to the Council, the \
                     Commission, the Vice-President of the Commission / High Representative of \
                     the Union for Foreign Affairs and Security Policy, the governments and \
                     parliaments of the Member States, and the President and Government of \
                     {country}."
                )
            } else {
                let mut text = String::new();
                let sentences = self.rng.range(1, 3);
                for s in 0..sentences {
                    let t = self.rng.pick(PARAGRAPHS);
                    let sentence = self.fill(t, &mut mentions);
                    if s > 0 {
                        text.push_str("; ");
                        let mut chars = sentence.chars();
                        if let Some(first) = chars.next() {
                            text.extend(first.to_lowercase());
                            text.push_str(chars.as_str());
                        }
                    } else {
                        text.push_str(&sentence);
                    }
                }
                text.push(';');
                text
            };
            units.push(SynthUnit {
                kind: UnitKind::Paragraph,
                label: (i + 1).to_string(),
                text,
                mentions,
            });
        }
        for i in 0..n_fn {
            let text = format!(
                "OJ C {}, {}.{}.{}, p. {}.",
                self.rng.range(1, 480),
                self.rng.range(1, 28),
                self.rng.range(1, 12),
                self.rng.range(2000, 2024),
                self.rng.range(1, 240)
            );
            units.push(SynthUnit {
                kind: UnitKind::Footnote,
                label: (i + 1).to_string(),
                text,
                mentions: Vec::new(),
            });
        }

        let text = render(&reference, term, year, &title, &units, self.rng);
        SynthResolution {
            reference,
            date: date_iso,
            title,
            text,
            units,
        }
    }
}

/// Recital labels: A … Z, then AA, AB, … (bijective base 26).
pub(super) fn recital_label(mut i: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The web-repost layout: logo noise, title, units separated by blank lines, all
/// footnotes on one line, then the PDF link and site footer.
pub(super) fn render(
    reference: &str,
    term: u32,
    year: &str,
    title: &str,
    units: &[SynthUnit],
    rng: &mut Rng,
) -> String {
    let size: usize = units.iter().map(|u| u.text.len() + 8).sum();
    let mut out = String::with_capacity(size + title.len() + 200);
    let _ = write!(
        out,
        "csm_S.3_EN_logo_smaller_01_{:010x}\n\n",
        rng.next_u64() >> 24
    );
    out.push_str(title);
    out.push_str("\n\n");
    let mut footnotes = String::new();
    for unit in units {
        match unit.kind {
            UnitKind::Citation => {
                out.push_str("–  ");
                out.push_str(&unit.text);
                out.push_str("\n\n");
            }
            UnitKind::Recital | UnitKind::Paragraph => {
                let _ = write!(out, "{}.  {}\n\n", unit.label, unit.text);
            }
            UnitKind::Footnote => {
                let _ = write!(footnotes, "({}){}", unit.label, unit.text);
            }
            // The title is written above, from `title`.
            UnitKind::Title => {}
        }
    }
    if !footnotes.is_empty() {
        out.push_str(&footnotes);
        out.push_str("\n\n");
    }
    let number = reference.rsplit('-').next().unwrap_or("0000");
    let _ = write!(
        out,
        "TA\u{2011}{term}\u{2013}{year}-{number}_EN (PDF)\n\nThe European Parliament\n\nRelated Posts\n"
    );
    out
}

/// The English name of month `i` (0 = January), capitalised, from the crate's one months
/// table.
fn month_name(i: usize) -> String {
    let name = crate::model::MONTHS[i % 12];
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}
