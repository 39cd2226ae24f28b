//! A synthetic, valid `argscope/1` document of N items, for the scale benchmark and stress tests.
//!
//!     cargo run --release --example synth -- --items N [--seed S] > big.json
//!
//! The output is deterministic for a seed. Items are spread over the kinds as a real collection
//! would be (events, actors in groups, provisions of instruments, recommendations, and claims in
//! thesis/premise/evidence trees), with about three links each and a few hubs that many items link
//! to. The text is about N × 400 bytes of varied words: diacritics, typographic punctuation,
//! non-breaking spaces and some CJK. Every item quotes passages that hold a name made up for it
//! alone, so each quote is found exactly once and `argscope check --strict` has nothing to say.
//!
//! The benchmark and the tests include this file as a module (`#[path]`) and call [`generate`].

use std::fmt::Write as _;

/// Bytes of text per item, roughly.
pub const TEXT_BYTES_PER_ITEM: usize = 400;

/// Words of the article, most frequent first (picked with a Zipf law over this order). Diacritics,
/// typographic apostrophes and CJK are part of the vocabulary, as in a real article.
const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "for",
    "on",
    "is",
    "with",
    "as",
    "by",
    "was",
    "its",
    "government",
    "security",
    "from",
    "at",
    "it",
    "has",
    "have",
    "not",
    "this",
    "but",
    "cooperation",
    "Mexico",
    "agents",
    "law",
    "police",
    "their",
    "would",
    "more",
    "said",
    "which",
    "be",
    "than",
    "U.S.",
    "officials",
    "drug",
    "violence",
    "cartels",
    "border",
    "president",
    "Mexico’s",
    "policy",
    "federal",
    "local",
    "state",
    "could",
    "trafficking",
    "weapons",
    "reform",
    "years",
    "court",
    "army",
    "military",
    "National",
    "Guard",
    "López",
    "Obrador",
    "Biden",
    "administration",
    "country’s",
    "homicides",
    "record",
    "lower",
    "since",
    "last",
    "year",
    "mayors",
    "governors",
    "prosecutors",
    "judges",
    "corruption",
    "extradition",
    "fentanyl",
    "heroin",
    "cocaine",
    "methamphetamine",
    "labs",
    "precursors",
    "ports",
    "customs",
    "Mérida",
    "Initiative",
    "assistance",
    "funding",
    "training",
    "intelligence",
    "sharing",
    "DEA",
    "ATF",
    "Congress",
    "Senate",
    "Cienfuegos",
    "general",
    "arrest",
    "release",
    "charges",
    "fabricated",
    "sovereignty",
    "pressure",
    "talks",
    "agreement",
    "Washington",
    "Ciudad",
    "Juárez",
    "Culiacán",
    "Michoacán",
    "Querétaro",
    "Sinaloa",
    "Jalisco",
    "Tamaulipas",
    "Guanajuato",
    "São",
    "Paulo",
    "Bogotá",
    "Perú",
    "Peña",
    "Nieto",
    "Calderón",
    "Guzmán",
    "acción",
    "política",
    "niños",
    "community",
    "residents",
    "victims",
    "families",
    "disappeared",
    "journalists",
    "activists",
    "human",
    "rights",
    "abuses",
    "impunity",
    "investigations",
    "convictions",
    "prisons",
    "budgets",
    "spending",
    "salaries",
    "recruits",
    "vetting",
    "units",
    "operations",
    "joint",
    "raids",
    "seizures",
    "tons",
    "shipments",
    "routes",
    "tunnels",
    "migrants",
    "asylum",
    "remittances",
    "trade",
    "tariffs",
    "investment",
    "economy",
    "pandemic",
    "hospitals",
    "don’t",
    "won’t",
    "it’s",
    "partners",
    "allies",
    "neighbors",
    "editorial",
    "argues",
    "warns",
    "suggests",
    "urges",
    "demands",
    "offers",
    "promises",
    "refuses",
    "restricts",
    "requires",
    "permits",
    "forbids",
    "discloses",
    "reports",
    "monthly",
    "immunity",
    "diplomatic",
    "foreign",
    "domestic",
    "regional",
    "northern",
    "southern",
    "rural",
    "urban",
    "north",
    "south",
    "guns",
    "rifles",
    "smuggling",
    "purchases",
    "dealers",
    "background",
    "checks",
    "straw",
    "buyers",
    "laundering",
    "banks",
    "assets",
    "frozen",
    "accounts",
    "sanctions",
    "Treasury",
    "designations",
    "terrorist",
    "label",
    "kingpins",
    "lieutenants",
    "factions",
    "splinter",
    "groups",
    "turf",
    "wars",
    "massacres",
    "graves",
    "forensic",
    "identification",
    "backlog",
    "morgues",
    "evidence",
    "testimony",
    "witnesses",
    "protection",
    "programs",
    "prevention",
    "schools",
    "jobs",
    "youth",
    "outreach",
    "clinics",
    "treatment",
    "addiction",
    "demand",
    "consumption",
    "overdoses",
    "deaths",
    "statistics",
    "estimates",
    "survey",
    "analysts",
    "experts",
    "observers",
    "critics",
    "supporters",
    "skeptics",
    "北京",
    "毒品",
    "合作",
    "安全",
    "東京",
    "政策",
    "quietly",
    "openly",
    "sharply",
    "steadily",
    "rapidly",
    "slowly",
    "partly",
    "largely",
    "entirely",
    "barely",
    "nearly",
    "strained",
    "damaged",
    "repaired",
    "renewed",
    "stalled",
    "expanded",
    "curtailed",
    "limited",
    "broad",
    "narrow",
    "new",
    "old",
    "first",
    "second",
    "third",
    "final",
    "early",
    "late",
];

/// Occurs about once in this many words, to be found by a search for a rare word.
const RARE_WORD: &str = "quetzal";
const RARE_ONE_IN: u64 = 20_000;

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "te", "su", "ra", "no", "vi", "de", "pa", "gu", "be", "ti", "so", "ma", "re",
    "ju", "ne", "fo", "ha", "li", "za", "co", "we",
];

const SURNAMES: &[&str] = &[
    "López",
    "Hernández",
    "García",
    "Martínez",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Núñez",
    "Gómez",
    "Díaz",
    "Muñoz",
    "Ibáñez",
    "O’Neill",
    "Smith",
    "Johnson",
    "Nguyễn",
    "Silva",
    "Gonçalves",
    "Wang",
    "李",
    "Müller",
];

const ROLES: &[&str] = &[
    "President",
    "Minister of Security",
    "Attorney General",
    "Governor",
    "Mayor",
    "Senator",
    "Ambassador",
    "DEA agent",
    "Police chief",
    "General",
    "Journalist",
    "Judge",
    "Prosecutor",
    "Cartel leader",
    "Analyst",
    "Activist",
];

const GROUP_STEMS: &[&str] = &[
    "Mexico",
    "United States",
    "Criminal organizations",
    "Civil society",
    "Colombia",
    "Guatemala",
    "Canada",
    "International bodies",
    "Press",
    "Courts",
];

const INSTRUMENT_STEMS: &[&str] = &[
    "National security law",
    "Mérida Initiative",
    "Bicentennial Framework",
    "Extradition treaty",
    "Firearms export rules",
    "Asset forfeiture act",
    "Police reform",
    "Judicial reform",
    "Budget decree",
];

const TAGS: &[&str] = &[
    "national-security-law",
    "border",
    "extradition",
    "fentanyl",
    "guns",
    "corruption",
    "policing",
    "courts",
    "us-policy",
    "mexico-policy",
    "aid",
    "intelligence",
    "violence",
    "migration",
    "trade",
    "human-rights",
    "military",
    "local-government",
    "prisons",
    "money",
    "ask-of-mexico",
    "offer-in-return",
    "evidence-figures",
    "history",
    "diplomacy",
];

const WHEN_LABELS: &[&str] = &[
    "last fall",
    "in the spring",
    "that week",
    "a decade ago",
    "since then",
    "in December",
    "earlier this year",
    "at the time",
    "the following month",
    "years ago",
    "recently",
    "after the election",
];

/// A small xorshift64* generator: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Any seed, zero included, gives a non-zero state.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// Picks words with a Zipf law over [`WORDS`], plus the rare word now and then.
struct Words {
    /// Cumulative weights, scaled to integers.
    cumulative: Vec<u64>,
}

impl Words {
    fn new() -> Words {
        let mut total = 0u64;
        let cumulative = (0..WORDS.len())
            .map(|rank| {
                total += 1_000_000 / (rank as u64 + 2);
                total
            })
            .collect();
        Words { cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &'static str {
        if rng.next().is_multiple_of(RARE_ONE_IN) {
            return RARE_WORD;
        }
        let total = *self.cumulative.last().unwrap_or(&1);
        let x = rng.next() % total;
        WORDS[self.cumulative.partition_point(|&c| c <= x)]
    }

    /// `n` words with a space between, the first capitalised when `capital` is set.
    fn phrase(&self, rng: &mut Rng, n: usize, capital: bool) -> String {
        let mut out = String::new();
        for k in 0..n {
            if k > 0 {
                out.push(' ');
            }
            let w = self.word(rng);
            if k == 0 && capital {
                push_capitalised(&mut out, w);
            } else {
                out.push_str(w);
            }
        }
        out
    }
}

fn push_capitalised(out: &mut String, w: &str) {
    let mut chars = w.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// The made-up name of item `n`: syllables spelling `n` in base 24, scrambled so that
/// neighbouring items do not look alike. All names have the same length, so none is part of
/// another.
fn name(n: usize, syllables: usize) -> String {
    let base = SYLLABLES.len() as u64;
    let space = base.pow(syllables as u32);
    // A prime other than 2 and 3 is coprime with 24^k, so multiplying by it is a bijection of
    // `0..space`: distinct items keep distinct names.
    let mut x = ((n as u64 + 1) * 1_000_003) % space;
    let mut out = String::new();
    for _ in 0..syllables {
        out.push_str(SYLLABLES[(x % base) as usize]);
        x /= base;
    }
    out
}

/// The five kinds, with their share of a collection in percent.
const KINDS: [(&str, u64); 5] = [
    ("event", 20),
    ("actor", 25),
    ("provision", 10),
    ("recommendation", 15),
    ("claim", 30),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Event,
    Actor,
    Provision,
    Recommendation,
    Claim,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ClaimRole {
    Thesis,
    Premise,
    Evidence,
}

struct Plan {
    kind: Kind,
    id: String,
    name: String,
    claim: ClaimRole,
}

/// A valid `argscope/1` document of `items` items (at least one), deterministic for `seed`.
pub fn generate(items: usize, seed: u64) -> String {
    let items = items.max(1);
    let mut rng = Rng::new(seed);
    let words = Words::new();
    // Enough syllables for a distinct name per item.
    let mut syllables = 4;
    while (SYLLABLES.len() as u64).pow(syllables) < items as u64 * 2 {
        syllables += 1;
    }

    let plans: Vec<Plan> = (0..items)
        .map(|i| {
            let mut roll = rng.next() % 100;
            let mut kind = Kind::Claim;
            for (k, (_, share)) in KINDS.iter().enumerate() {
                if roll < *share {
                    kind = [
                        Kind::Event,
                        Kind::Actor,
                        Kind::Provision,
                        Kind::Recommendation,
                        Kind::Claim,
                    ][k];
                    break;
                }
                roll -= share;
            }
            let claim = match rng.next() % 100 {
                0..=2 => ClaimRole::Thesis,
                3..=32 => ClaimRole::Premise,
                _ => ClaimRole::Evidence,
            };
            let name = name(i, syllables as usize);
            let prefix = match kind {
                Kind::Event => "ev",
                Kind::Actor => "ac",
                Kind::Provision => "pr",
                Kind::Recommendation => "re",
                Kind::Claim => "cl",
            };
            Plan {
                kind,
                id: format!("{prefix}-{name}"),
                name,
                claim,
            }
        })
        .collect();
    let of_kind = |k: Kind| -> Vec<usize> { (0..items).filter(|&i| plans[i].kind == k).collect() };
    let events = of_kind(Kind::Event);
    let actors = of_kind(Kind::Actor);
    let provisions = of_kind(Kind::Provision);
    let recommendations = of_kind(Kind::Recommendation);
    let claims = of_kind(Kind::Claim);
    let role_of = |r: ClaimRole| -> Vec<usize> {
        claims
            .iter()
            .copied()
            .filter(|&i| plans[i].claim == r)
            .collect()
    };
    let theses = role_of(ClaimRole::Thesis);
    let premises = role_of(ClaimRole::Premise);
    let groups: Vec<String> = (0..(actors.len() / 400).clamp(4, 60))
        .map(|g| match g / GROUP_STEMS.len() {
            0 => GROUP_STEMS[g].to_owned(),
            n => format!("{} ({})", GROUP_STEMS[g % GROUP_STEMS.len()], n + 1),
        })
        .collect();
    let instruments: Vec<String> = (0..(provisions.len() / 50).clamp(3, 200))
        .map(|k| {
            let stem = INSTRUMENT_STEMS[k % INSTRUMENT_STEMS.len()];
            format!("{stem} ({})", 1990 + (k * 7) % 35)
        })
        .collect();

    // Link targets: mostly anyone of the kind, sometimes one of the kind's few hubs.
    let target = |rng: &mut Rng, pool: &[usize], not: usize| -> Option<usize> {
        if pool.is_empty() || (pool.len() == 1 && pool[0] == not) {
            return None;
        }
        let hubs = (3 + pool.len() / 1000).min(pool.len());
        loop {
            let t = if rng.chance(15) {
                pool[rng.below(hubs)]
            } else {
                pool[rng.below(pool.len())]
            };
            if t != not {
                return Some(t);
            }
        }
    };

    let mut out = String::with_capacity(items * (TEXT_BYTES_PER_ITEM + 600));
    out.push_str("{\"format\":\"argscope/1\",\"document\":{\"title\":");
    json_str(
        &mut out,
        &format!("A synthetic collection of {items} items"),
    );
    out.push_str(",\"source\":");
    json_str(
        &mut out,
        &format!("argscope examples/synth.rs, seed {seed}"),
    );
    out.push_str(",\"published\":\"2021-01\",\"text\":");

    // The text, with each item's quotes cut from it as it is written.
    let mut text = String::with_capacity(items * TEXT_BYTES_PER_ITEM + 1024);
    let mut quotes: Vec<Vec<String>> = Vec::with_capacity(items);
    let mut sentences_in_paragraph = 0;
    for (i, plan) in plans.iter().enumerate() {
        let mut mine = Vec::new();
        let anchors = if rng.chance(30) { 2 } else { 1 };
        for a in 0..anchors {
            let mut name = String::new();
            push_capitalised(&mut name, &plan.name);
            if a == 1 {
                name.push('’');
                name.push('s');
            }
            mine.push(anchor_sentence(&mut rng, &words, &mut text, &name));
            end_sentence(&mut rng, &mut text, &mut sentences_in_paragraph);
        }
        while text.len() < (i + 1) * TEXT_BYTES_PER_ITEM {
            filler_sentence(&mut rng, &words, &mut text);
            end_sentence(&mut rng, &mut text, &mut sentences_in_paragraph);
        }
        quotes.push(mine);
    }
    json_str(&mut out, text.trim_end());
    drop(text);
    out.push_str("},\n\"items\":[\n");

    for (i, plan) in plans.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        let kind = KINDS[plan.kind as usize].0;
        let _ = write!(
            out,
            "{{\"id\":\"{}\",\"kind\":\"{kind}\",\"title\":",
            plan.id
        );
        let mut proper = String::new();
        push_capitalised(&mut proper, &plan.name);
        let title = match plan.kind {
            Kind::Actor if rng.chance(60) => format!("{proper} {}", rng.pick(SURNAMES)),
            Kind::Actor => format!("Office of {proper}"),
            Kind::Event => {
                let n = rng.range(4, 8);
                format!("{proper} {}", words.phrase(&mut rng, n, false))
            }
            _ => {
                let n = rng.range(4, 9);
                words.phrase(&mut rng, n, true)
            }
        };
        json_str(&mut out, &title);
        if rng.chance(60) {
            out.push_str(",\"summary\":");
            let n = rng.range(12, 30);
            json_str(&mut out, &(words.phrase(&mut rng, n, true) + "."));
        }
        out.push_str(",\"quotes\":[");
        for (k, q) in quotes[i].iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            json_str(&mut out, q);
        }
        out.push_str("],\"links\":[");
        let mut links: Vec<(&str, usize)> = Vec::new();
        let mut link = |rng: &mut Rng, rel: &'static str, pool: &[usize]| {
            if let Some(t) = target(rng, pool, i) {
                links.push((rel, t));
            }
        };
        match plan.kind {
            Kind::Event => {
                for _ in 0..rng.range(1, 3) {
                    link(&mut rng, "involves", &actors);
                }
                if rng.chance(40) {
                    link(&mut rng, "causes", &events);
                }
            }
            Kind::Actor => {
                if rng.chance(40) {
                    link(&mut rng, "enacts", &provisions);
                }
                if rng.chance(50) {
                    link(&mut rng, "supports", &claims);
                }
                link(&mut rng, "responds-to", &events);
                if rng.chance(50) {
                    link(&mut rng, "mentions", &actors);
                }
            }
            Kind::Provision => {
                link(&mut rng, "restricts", &actors);
                if rng.chance(60) {
                    link(&mut rng, "restricts", &actors);
                }
                link(&mut rng, "mentions", &events);
            }
            Kind::Recommendation => {
                link(&mut rng, "addresses", &provisions);
                if rng.chance(50) {
                    link(&mut rng, "addresses", &claims);
                }
                link(&mut rng, "addressed-to", &actors);
            }
            Kind::Claim => {
                let (up, rel) = match plan.claim {
                    ClaimRole::Thesis => (&[][..], "supports"),
                    ClaimRole::Premise => (
                        &theses[..],
                        if rng.chance(10) {
                            "opposes"
                        } else {
                            "supports"
                        },
                    ),
                    ClaimRole::Evidence => (
                        &premises[..],
                        if rng.chance(10) {
                            "opposes"
                        } else {
                            "supports"
                        },
                    ),
                };
                link(&mut rng, rel, up);
                if rng.chance(8) {
                    link(&mut rng, "supports", up);
                }
                link(&mut rng, "mentions", &actors);
                if rng.chance(40) {
                    link(&mut rng, "mentions", &events);
                }
            }
        }
        if links.is_empty() {
            // Every item is linked, so that no item draws a "no links in or out" warning (a
            // lone item mentions itself).
            links.push(("mentions", if i == 0 { 1.min(items - 1) } else { 0 }));
        }
        links.sort_unstable();
        links.dedup();
        for (k, (rel, t)) in links.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            let _ = write!(out, "{{\"rel\":\"{rel}\",\"to\":\"{}\"", plans[*t].id);
            if rng.chance(10) {
                out.push_str(",\"note\":");
                let n = rng.range(3, 8);
                json_str(&mut out, &words.phrase(&mut rng, n, false));
            }
            out.push('}');
        }
        out.push(']');
        if rng.chance(50) {
            out.push_str(",\"tags\":[");
            for k in 0..rng.range(1, 3) {
                if k > 0 {
                    out.push(',');
                }
                json_str(&mut out, rng.pick(TAGS));
            }
            out.push(']');
        }
        match plan.kind {
            Kind::Event => {
                out.push_str(",\"when\":{\"label\":");
                let label = rng.pick(WHEN_LABELS);
                json_str(&mut out, label);
                if rng.chance(90) {
                    let year = rng.range(1990, 2024);
                    let mut date = format!("{year}");
                    if rng.chance(80) {
                        let _ = write!(date, "-{:02}", rng.range(1, 12));
                        if rng.chance(40) {
                            let _ = write!(date, "-{:02}", rng.range(1, 28));
                        }
                    }
                    match rng.below(20) {
                        0..=2 => date.push('~'),
                        3 => date.push('?'),
                        _ => {}
                    }
                    let _ = write!(out, ",\"date\":\"{date}\"");
                }
                out.push('}');
            }
            Kind::Actor => {
                if rng.chance(80) {
                    out.push_str(",\"role\":");
                    json_str(&mut out, rng.pick(ROLES));
                }
                if rng.chance(95) {
                    out.push_str(",\"group\":");
                    json_str(&mut out, &groups[rng.below(groups.len())]);
                }
            }
            Kind::Provision => {
                if rng.chance(90) {
                    out.push_str(",\"instrument\":");
                    json_str(&mut out, &instruments[rng.below(instruments.len())]);
                }
            }
            Kind::Recommendation => {}
            Kind::Claim => {
                let role = match plan.claim {
                    ClaimRole::Thesis => "thesis",
                    ClaimRole::Premise => "premise",
                    ClaimRole::Evidence => "evidence",
                };
                let _ = write!(out, ",\"role\":\"{role}\"");
            }
        }
        out.push('}');
    }
    out.push_str("\n],\n\"comparisons\":[");
    comparisons(&mut out, &plans, &recommendations, &provisions, &mut rng);
    out.push_str("]}\n");
    out
}

/// Prepared comparisons: recommendations against each other, provisions against
/// recommendations.
fn comparisons(
    out: &mut String,
    plans: &[Plan],
    recommendations: &[usize],
    provisions: &[usize],
    rng: &mut Rng,
) {
    let mut first = true;
    let sets = [
        (
            "asks-vs-offers",
            "What to ask vs. what to offer",
            recommendations,
            recommendations,
        ),
        (
            "provisions-vs-answers",
            "Provisions vs. the recommendations that answer them",
            provisions,
            recommendations,
        ),
    ];
    for (id, title, left, right) in sets {
        if left.len() < 2 || right.len() < 2 {
            continue;
        }
        let n = left.len().min(right.len()).min(8) / 2;
        let l: Vec<usize> = (0..n).map(|k| left[k * 2 % left.len()]).collect();
        let r: Vec<usize> = (0..n).map(|k| right[(k * 2 + 1) % right.len()]).collect();
        if !first {
            out.push(',');
        }
        first = false;
        let ids = |v: &[usize]| {
            v.iter()
                .map(|&i| format!("\"{}\"", plans[i].id))
                .collect::<Vec<_>>()
                .join(",")
        };
        let _ = write!(
            out,
            "\n{{\"id\":\"{id}\",\"title\":\"{title}\",\"left\":{{\"label\":\"Left\",\"items\":[{}]}},\"right\":{{\"label\":\"Right\",\"items\":[{}]}},\"pairs\":[",
            ids(&l),
            ids(&r)
        );
        let pairs = rng.range(0, n);
        for k in 0..pairs {
            if k > 0 {
                out.push(',');
            }
            let _ = write!(out, "[\"{}\",\"{}\"]", plans[l[k]].id, plans[r[k]].id);
        }
        out.push_str("]}");
    }
}

/// Appends a sentence holding `name` and returns the passage around it (three words either
/// side), cut from the text as written so that it is a verbatim quote.
fn anchor_sentence(rng: &mut Rng, words: &Words, text: &mut String, name: &str) -> String {
    let before = rng.range(3, 7);
    let after = rng.range(4, 9);
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    for k in 0..before + 1 + after {
        if k > 0 {
            // Now and then the words are joined by a non-breaking space or a dash.
            text.push_str(match rng.below(40) {
                0 => "\u{a0}",
                1 => " — ",
                2 => ", ",
                _ => " ",
            });
        }
        starts.push(text.len());
        if k == before {
            text.push_str(name);
        } else if k == 0 {
            push_capitalised(text, words.word(rng));
        } else {
            text.push_str(words.word(rng));
        }
        ends.push(text.len());
    }
    let from = starts[before - 3];
    let to = ends[before + 3];
    text[from..to].to_owned()
}

/// Appends a sentence of ordinary words, with the punctuation and spacing of a real article.
fn filler_sentence(rng: &mut Rng, words: &Words, text: &mut String) {
    let n = rng.range(8, 26);
    let quoted = if rng.chance(15) {
        Some(rng.range(1, n - 3))
    } else {
        None
    };
    for k in 0..n {
        if k > 0 {
            text.push_str(match rng.below(60) {
                0 => "\u{a0}",
                1 | 2 => " — ",
                3..=6 => ", ",
                _ => " ",
            });
        }
        if quoted == Some(k) {
            text.push('“');
        }
        match rng.below(80) {
            0 => {
                let _ = write!(text, "{}\u{a0}{:03}", rng.range(1, 999), rng.below(1000));
            }
            1 => {
                let _ = write!(text, "{}%", rng.range(1, 99));
            }
            _ if k == 0 => push_capitalised(text, words.word(rng)),
            _ => text.push_str(words.word(rng)),
        }
        if quoted.is_some_and(|q| k == q + 2) {
            text.push('”');
        }
    }
}

/// Ends a sentence, and sometimes the paragraph.
fn end_sentence(rng: &mut Rng, text: &mut String, in_paragraph: &mut usize) {
    text.push(if rng.chance(4) { '?' } else { '.' });
    *in_paragraph += 1;
    if *in_paragraph >= 3 && rng.chance(25) {
        text.push_str("\n\n");
        *in_paragraph = 0;
    } else {
        text.push(' ');
    }
}

/// Appends `s` as a JSON string.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn usage() -> ! {
    eprintln!("usage: synth --items N [--seed S] > big.json");
    std::process::exit(2);
}

fn main() {
    let mut items = None;
    let mut seed = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|v| v.replace('_', "").parse().ok());
        match (arg.as_str(), value) {
            ("--items", Some(v)) => items = Some(v as usize),
            ("--seed", Some(v)) => seed = v,
            _ => usage(),
        }
    }
    let Some(items) = items else { usage() };
    use std::io::Write;
    let doc = generate(items, seed);
    if let Err(e) = std::io::stdout().lock().write_all(doc.as_bytes()) {
        eprintln!("synth: {e}");
        std::process::exit(1);
    }
}
