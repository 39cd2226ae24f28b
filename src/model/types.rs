//! The document's types, as loaded and validated.
//!
//! These are the normalised form: every optional list is present, relations are declared, and the
//! serialisation order is fixed, so `export --format json` is stable and idempotent.

use compact_str::CompactString;
use serde::Serialize;
use std::fmt;

/// The only format this version reads.
pub const FORMAT: &str = "argscope/1";

/// A whole argument map: the source text, its items and the author's comparisons.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub format: String,
    pub document: Source,
    pub relations: Vec<Relation>,
    pub items: Vec<Item>,
    pub comparisons: Vec<Comparison>,
}

/// The piece being mapped.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where the piece can be read: http or https only, so `O` can never run another scheme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub text: String,
}

/// Whether `url` may be a document's `url`: http or https, with something after the scheme. Any
/// other scheme (`javascript:`, `file:`, a command) is refused, so opening it runs no program
/// but the browser.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    !rest.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A declared relation: how a link reads from its source and from its target.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Relation {
    pub id: String,
    pub label: String,
    pub inverse: String,
}

/// One thing the map says about the piece.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Item {
    /// Ids, relation names and tags are short and there are many of them: kept inline, they
    /// cost no allocation each (a third of a large document's memory).
    pub id: CompactString,
    pub kind: Kind,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    pub quotes: Vec<Quote>,
    pub links: Vec<Link>,
    pub tags: Vec<CompactString>,
    #[serde(flatten)]
    pub fields: KindFields,
}

/// The five kinds of item; each is a pane.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Event,
    Actor,
    Provision,
    Recommendation,
    Claim,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Event,
        Kind::Actor,
        Kind::Provision,
        Kind::Recommendation,
        Kind::Claim,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Event => "event",
            Kind::Actor => "actor",
            Kind::Provision => "provision",
            Kind::Recommendation => "recommendation",
            Kind::Claim => "claim",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The fields that belong to one kind only.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum KindFields {
    Event {
        #[serde(skip_serializing_if = "Option::is_none")]
        when: Option<When>,
    },
    Actor {
        #[serde(skip_serializing_if = "Option::is_none")]
        role: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        group: Option<String>,
    },
    Provision {
        #[serde(skip_serializing_if = "Option::is_none")]
        instrument: Option<String>,
    },
    Recommendation {},
    Claim {
        role: ClaimRole,
        /// A conclusion or premise the argument needs but the text does not state.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        unstated: bool,
    },
}

/// When an event happened: the article's phrase and, where it supports one, a date.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct When {
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// An EDTF level-1 subset date: a point (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, maybe approximate
/// `~`, uncertain `?` or both `%`), or an interval `START/END` of two points ("some time in this
/// span").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub start: DatePoint,
    /// The end of an interval; `None` for a single date.
    pub end: Option<DatePoint>,
}

/// One point of the date subset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DatePoint {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub approximate: bool,
    pub uncertain: bool,
}

/// Why a date string is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not of the subset at all.
    Malformed,
    /// An interval whose end is before its start.
    EndBeforeStart,
}

impl Date {
    /// Parses the subset; `None` when it is refused (see [`Date::read`] for why).
    pub fn parse(s: &str) -> Option<Date> {
        Date::read(s).ok()
    }

    /// Parses the subset, saying why a date is refused.
    pub fn read(s: &str) -> Result<Date, DateError> {
        let (start, end) = match s.split_once('/') {
            Some((a, b)) => (a, Some(b)),
            None => (s, None),
        };
        let start = DatePoint::parse(start).ok_or(DateError::Malformed)?;
        let end = match end {
            Some(e) => Some(DatePoint::parse(e).ok_or(DateError::Malformed)?),
            None => None,
        };
        if let Some(e) = end
            && e.latest() < start.earliest()
        {
            return Err(DateError::EndBeforeStart);
        }
        Ok(Date { start, end })
    }

    /// A sort key: the start's year, month, day, with missing parts first.
    pub fn key(&self) -> (u16, u8, u8) {
        self.start.key()
    }
}

impl DatePoint {
    fn parse(s: &str) -> Option<DatePoint> {
        let (body, approximate, uncertain) = match s.as_bytes().last() {
            Some(b'~') => (&s[..s.len() - 1], true, false),
            Some(b'?') => (&s[..s.len() - 1], false, true),
            Some(b'%') => (&s[..s.len() - 1], true, true),
            _ => (s, false, false),
        };
        let parts: Vec<&str> = body.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u16> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
        };
        let year = num(parts.first()?, 4)?;
        let month = match parts.get(1) {
            Some(p) => Some(num(p, 2).filter(|m| (1..=12).contains(m))? as u8),
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => {
                let d = num(p, 2)? as u8;
                Some((d >= 1 && d <= days_in_month(year, month?)).then_some(d)?)
            }
            None => None,
        };
        if parts.len() > 3 {
            return None;
        }
        Some(DatePoint {
            year,
            month,
            day,
            approximate,
            uncertain,
        })
    }

    /// A sort key: year, month, day, with missing parts first.
    pub fn key(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// The first day the point may mean (`2020` is from 2020-01-01).
    fn earliest(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the point may mean (`2020-02` is to 2020-02-29).
    fn latest(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or(days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// The point without its `~`, `?` or `%`.
    pub fn plain(mut self) -> DatePoint {
        self.approximate = false;
        self.uncertain = false;
        self
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for DatePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        f.write_str(match (self.approximate, self.uncertain) {
            (true, true) => "%",
            (true, false) => "~",
            (false, true) => "?",
            (false, false) => "",
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.start)?;
        if let Some(e) = self.end {
            write!(f, "/{e}")?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A claim's place in the argument.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ClaimRole {
    Thesis,
    Premise,
    Evidence,
}

impl ClaimRole {
    pub const ALL: [ClaimRole; 3] = [ClaimRole::Thesis, ClaimRole::Premise, ClaimRole::Evidence];

    pub fn name(self) -> &'static str {
        match self {
            ClaimRole::Thesis => "thesis",
            ClaimRole::Premise => "premise",
            ClaimRole::Evidence => "evidence",
        }
    }
}

/// A claim's role as the reader sees it: `premise`, or `premise (unstated)` for a claim the
/// text does not state.
pub fn role_label(role: ClaimRole, unstated: bool) -> String {
    if unstated {
        format!("{} (unstated)", role.name())
    } else {
        role.name().to_owned()
    }
}

/// A verbatim excerpt of the text, optionally with context to pick one of several occurrences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub exact: String,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
}

impl Serialize for Quote {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if self.prefix.is_none() && self.suffix.is_none() {
            return s.serialize_str(&self.exact);
        }
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("exact", &self.exact)?;
        if let Some(p) = &self.prefix {
            m.serialize_entry("prefix", p)?;
        }
        if let Some(x) = &self.suffix {
            m.serialize_entry("suffix", x)?;
        }
        m.end()
    }
}

/// A typed, directed link from one item to another.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub rel: CompactString,
    pub to: CompactString,
    /// Links of one linked argument (premises that support or oppose `to` only together) share
    /// a group name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<CompactString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A side-by-side set prepared by the map's author.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Comparison {
    pub id: String,
    pub title: String,
    pub left: Side,
    pub right: Side,
    pub pairs: Vec<[String; 2]>,
}

/// One labelled column of a comparison.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Side {
    pub label: String,
    pub items: Vec<String>,
}

/// The relations a document gets when it declares none.
pub fn builtin_relations() -> Vec<Relation> {
    [
        ("involves", "involves", "involved in"),
        ("enacts", "enacts", "enacted by"),
        ("restricts", "restricts", "restricted by"),
        ("addresses", "addresses", "addressed by"),
        ("addressed-to", "addressed to", "receives"),
        ("supports", "supports", "supported by"),
        ("opposes", "opposes", "opposed by"),
        ("causes", "causes", "caused by"),
        ("responds-to", "responds to", "answered by"),
        ("mentions", "mentions", "mentioned in"),
    ]
    .into_iter()
    .map(|(id, label, inverse)| Relation {
        id: id.into(),
        label: label.into(),
        inverse: inverse.into(),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_the_subset_parse_and_print_back() {
        for s in [
            "2020",
            "2020-10~",
            "2021-01-14",
            "2008?",
            "2020-02-29",
            "2020-12%",
            "2020-12~/2021-01~",
            "2020/2020-06",
        ] {
            assert_eq!(Date::parse(s).map(|d| d.to_string()).as_deref(), Some(s));
        }
    }

    #[test]
    fn malformed_dates_are_refused() {
        for s in [
            "",
            "20",
            "2020-13",
            "2020-1",
            "2021-02-29",
            "2020-10-01-01",
            "last fall",
            "2020~~",
            "2020-00",
            "2020%%",
            "2020~%",
            "2020/",
            "/2020",
            "2020/2021/2022",
            "2020-13/2021",
        ] {
            assert_eq!(Date::read(s), Err(DateError::Malformed), "{s:?}");
        }
    }

    #[test]
    fn an_interval_that_ends_before_it_starts_is_refused_for_that_reason() {
        assert_eq!(
            Date::read("2021-01/2020-12"),
            Err(DateError::EndBeforeStart)
        );
        assert_eq!(
            Date::read("2020-12-02/2020-12-01"),
            Err(DateError::EndBeforeStart)
        );
        // A coarser end that still contains the start is fine.
        assert!(Date::read("2020-12/2020").is_ok());
        assert!(Date::read("2020-12-31/2020-12").is_ok());
    }

    #[test]
    fn an_interval_sorts_by_its_start() {
        let span = Date::parse("2020-12~/2021-01~").unwrap();
        assert_eq!(span.key(), Date::parse("2020-12").unwrap().key());
        assert_eq!(span.to_string(), "2020-12~/2021-01~");
    }

    #[test]
    fn dates_sort_by_year_month_day() {
        let a = Date::parse("2020-10~").unwrap();
        let b = Date::parse("2020-12").unwrap();
        let c = Date::parse("2020").unwrap();
        assert!(c.key() < a.key() && a.key() < b.key());
    }
}
