//! The query language, parsed into a small tree that [`super::search`] turns into tantivy queries.
//!
//! Words side by side are all required, as people expect of a search box. Beside words there are
//! `"phrases"` (with `~N` for words in between), `NEAR(a b)` and `NEAR/N(a b)`, prefixes (`terror*`),
//! fuzzy words (`desinformatie~1`), fields (`editie:2019`, `datum:2019..2021`), AND, OR, NOT (also
//! EN, OF, NIET), a leading `-` and parentheses. A query that does not parse gets one error naming
//! the character where it goes wrong and what to write instead.

use std::fmt;

/// How many words may stand between the words of `NEAR(...)` when no `/N` is given.
pub const NEAR_DEFAULT: u32 = 10;
/// The most edits a fuzzy word allows; more would match half the vocabulary of a short word.
pub const MAX_EDITS: u8 = 2;
/// The fewest letters before a `*`: one letter would expand to a tenth of the vocabulary.
pub const MIN_PREFIX: usize = 2;

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A word as typed; a hyphenated word (`F-35`) is analysed into the phrase it is.
    Word(String),
    /// Words in order, with at most `slop` other words between them (0: side by side).
    Phrase {
        text: String,
        slop: u32,
    },
    /// Every word that starts with these letters.
    Prefix(String),
    /// Every word within `edits` letter edits of this one.
    Fuzzy {
        word: String,
        edits: u8,
    },
    Field(FieldFilter),
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
}

/// A field of the passage a query may restrict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldName {
    Edition,
    Theme,
    Series,
    Doc,
    Part,
    Date,
}

impl FieldName {
    /// The names a query may use, Dutch and English.
    const NAMES: [(&'static str, FieldName); 11] = [
        ("editie", FieldName::Edition),
        ("edition", FieldName::Edition),
        ("thema", FieldName::Theme),
        ("theme", FieldName::Theme),
        ("reeks", FieldName::Series),
        ("series", FieldName::Series),
        ("doc", FieldName::Doc),
        ("deel", FieldName::Part),
        ("part", FieldName::Part),
        ("datum", FieldName::Date),
        ("date", FieldName::Date),
    ];

    fn by_name(name: &str) -> Option<FieldName> {
        let name = name.to_lowercase();
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, field)| field)
    }

    /// The Dutch name, as error messages and `--help` use it.
    pub fn name(self) -> &'static str {
        match self {
            FieldName::Edition => "editie",
            FieldName::Theme => "thema",
            FieldName::Series => "reeks",
            FieldName::Doc => "doc",
            FieldName::Part => "deel",
            FieldName::Date => "datum",
        }
    }
}

/// `field:value`; a date is a range, from and to inclusive, either end open (`2019..`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldFilter {
    Is(FieldName, String),
    Dates {
        from: Option<String>,
        to: Option<String>,
    },
    /// Passages indexed in this scan or a later one (not in the query syntax: `horizon news` sets it).
    FromScan(u64),
}

/// A query that does not parse: where (1-based character) and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    pub query: String,
    pub at: usize,
    pub problem: String,
    pub hint: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let before: String = self.query.chars().take(self.at.saturating_sub(1)).collect();
        write!(
            f,
            "the query {:?} does not parse at character {} (after {:?}): {}; {}",
            self.query,
            self.at,
            before.trim_end(),
            self.problem,
            self.hint
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Lexeme {
    Word(String),
    Phrase { text: String, slop: u32 },
    Prefix(String),
    Fuzzy { word: String, edits: u8 },
    Field(FieldFilter),
    Near(u32),
    And,
    Or,
    Not,
    Open,
    Close,
}

/// A lexeme and the character (1-based) it starts at.
type Located = (usize, Lexeme);

/// A problem found at a character, before the query text is attached.
struct Problem {
    at: usize,
    problem: String,
    hint: String,
}

fn problem(at: usize, problem: impl Into<String>, hint: impl Into<String>) -> Problem {
    Problem {
        at,
        problem: problem.into(),
        hint: hint.into(),
    }
}

pub fn parse(query: &str) -> Result<Node, QueryError> {
    let fail = |p: Problem| QueryError {
        query: query.to_string(),
        at: p.at,
        problem: p.problem,
        hint: p.hint,
    };
    let lexemes = lex(query).map_err(fail)?;
    let end = query.chars().count() + 1;
    let mut parser = Parser {
        lexemes: &lexemes,
        at: 0,
        end,
    };
    let node = parser.or().map_err(fail)?;
    match parser.peek() {
        None => Ok(node),
        Some((at, Lexeme::Close)) => Err(fail(problem(
            *at,
            "a ')' has no matching '('",
            "remove it, or open the group with '('",
        ))),
        Some((at, other)) => Err(fail(problem(
            *at,
            format!("unexpected {}", describe(other)),
            "write words, \"a phrase\", AND, OR, NOT and (parentheses)",
        ))),
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '„')
}

fn lex(query: &str) -> Result<Vec<Located>, Problem> {
    let chars: Vec<char> = query.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at = i + 1;
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                out.push((at, Lexeme::Open));
                i += 1;
            }
            ')' => {
                out.push((at, Lexeme::Close));
                i += 1;
            }
            c if is_open_quote(c) => {
                let (text, after) = quoted(&chars, i)?;
                let (slop, after) = match chars.get(after) {
                    Some('~') => {
                        let (digits, next) = digits(&chars, after + 1);
                        let slop = digits.parse().map_err(|_| {
                            problem(
                                after + 2,
                                "a '~' after a phrase needs the number of words that may stand between",
                                format!("write \"{text}\"~10"),
                            )
                        })?;
                        (slop, next)
                    }
                    _ => (0, after),
                };
                out.push((at, Lexeme::Phrase { text, slop }));
                i = after;
            }
            // A '-' that starts a token excludes; inside a word ("Covid-19") the word branch keeps it.
            '-' => {
                if chars.get(i + 1).is_some_and(|c| !c.is_whitespace()) {
                    out.push((at, Lexeme::Not));
                }
                i += 1;
            }
            _ => {
                let start = i;
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && !matches!(chars[i], '(' | ')')
                    && !is_quote(chars[i])
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let (lexeme, next) = word_lexeme(&chars, at, word, i)?;
                out.push((at, lexeme));
                i = next;
            }
        }
    }
    Ok(out)
}

/// The text of the phrase whose opening quote is at `open`, and the index after its closing quote.
fn quoted(chars: &[char], open: usize) -> Result<(String, usize), Problem> {
    let close = chars[open + 1..]
        .iter()
        .position(|&c| matches!(c, '"' | '“' | '”'))
        .ok_or_else(|| {
            problem(
                open + 1,
                "this quote is not closed",
                "close the phrase with '\"', or remove the quote",
            )
        })?;
    let text: String = chars[open + 1..open + 1 + close].iter().collect();
    Ok((text, open + close + 2))
}

fn digits(chars: &[char], from: usize) -> (String, usize) {
    let mut to = from;
    while to < chars.len() && chars[to].is_ascii_digit() {
        to += 1;
    }
    (chars[from..to].iter().collect(), to)
}

/// What a run of characters without spaces is: an operator, NEAR, a field, a prefix, a fuzzy word or
/// a word. `next` is the index after it; a field may take a quoted value after it.
fn word_lexeme(
    chars: &[char],
    at: usize,
    word: String,
    next: usize,
) -> Result<(Lexeme, usize), Problem> {
    match word.as_str() {
        "AND" | "EN" => return Ok((Lexeme::And, next)),
        "OR" | "OF" => return Ok((Lexeme::Or, next)),
        "NOT" | "NIET" => return Ok((Lexeme::Not, next)),
        _ => {}
    }
    let opens_group = chars.get(next) == Some(&'(');
    if word == "NEAR" && opens_group {
        return Ok((Lexeme::Near(NEAR_DEFAULT), next));
    }
    if let Some(distance) = word.strip_prefix("NEAR/") {
        let distance = distance.parse().map_err(|_| {
            problem(
                at + 5,
                format!("NEAR/ needs a number of words, not {distance:?}"),
                "write NEAR/5(rusland desinformatie)",
            )
        })?;
        if !opens_group {
            return Err(problem(
                at,
                "NEAR needs its words in parentheses right after it",
                format!("write NEAR/{distance}(rusland desinformatie)"),
            ));
        }
        return Ok((Lexeme::Near(distance), next));
    }
    if let Some((name, value)) = word.split_once(':') {
        if !name.is_empty() && name.chars().all(char::is_alphabetic) {
            return field_lexeme(chars, at, name, value, next);
        }
    }
    if let Some(star) = word.find('*') {
        let stem = &word[..star];
        if star + 1 != word.len() {
            return Err(problem(
                at + word[..star].chars().count(),
                "a '*' can only end a word",
                format!("write {stem}* to find every word that starts with {stem:?}"),
            ));
        }
        if stem.chars().filter(|c| c.is_alphanumeric()).count() < MIN_PREFIX {
            return Err(problem(
                at,
                format!("a prefix needs at least {MIN_PREFIX} letters before the '*'"),
                "type more of the word, as in terror*",
            ));
        }
        return Ok((Lexeme::Prefix(stem.to_string()), next));
    }
    if let Some((stem, edits)) = word.rsplit_once('~') {
        let tilde = at + stem.chars().count();
        if stem.is_empty() {
            return Err(problem(
                at,
                "a '~' needs a word before it",
                "write desinformatie~1",
            ));
        }
        let edits: u8 = match edits {
            "" => MAX_EDITS,
            n => n.parse().ok().filter(|e| *e <= MAX_EDITS).ok_or_else(|| {
                problem(
                    tilde + 1,
                    format!("a fuzzy word allows 0 to {MAX_EDITS} edits, not {n:?}"),
                    format!("write {stem}~1 or {stem}~2"),
                )
            })?,
        };
        return Ok((
            Lexeme::Fuzzy {
                word: stem.to_string(),
                edits,
            },
            next,
        ));
    }
    Ok((Lexeme::Word(word), next))
}

fn field_lexeme(
    chars: &[char],
    at: usize,
    name: &str,
    value: &str,
    next: usize,
) -> Result<(Lexeme, usize), Problem> {
    let known = || {
        FieldName::NAMES
            .iter()
            .map(|(n, _)| format!("{n}:"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let field = FieldName::by_name(name).ok_or_else(|| {
        problem(
            at,
            format!("there is no field {name:?}"),
            format!("the fields are {}", known()),
        )
    })?;
    let value_at = at + name.chars().count() + 1;
    let (value, next) = if value.is_empty() && chars.get(next).copied().is_some_and(is_open_quote) {
        quoted(chars, next)?
    } else {
        (value.to_string(), next)
    };
    if value.trim().is_empty() {
        return Err(problem(
            value_at,
            format!("{}: needs a value", field.name()),
            format!("write {}:value, or {}:\"two words\"", name, name),
        ));
    }
    if field != FieldName::Date {
        return Ok((Lexeme::Field(FieldFilter::Is(field, value)), next));
    }
    let valid = |d: &str| {
        let d = d.trim();
        d.len() >= 4
            && d.len() <= 10
            && d.chars().all(|c| c.is_ascii_digit() || c == '-')
            && d[..4].chars().all(|c| c.is_ascii_digit())
    };
    let (from, to) = match value.split_once("..") {
        Some((from, to)) => (from.trim(), to.trim()),
        None => (value.trim(), value.trim()),
    };
    let bad = [from, to].into_iter().find(|d| !d.is_empty() && !valid(d));
    if bad.is_some() || (from.is_empty() && to.is_empty()) {
        return Err(problem(
            value_at,
            format!("{value:?} is not a date or a range of dates"),
            format!(
                "write {name}:2021, {name}:2019..2021, {name}:2019-06.. or {name}:..2020-12-31"
            ),
        ));
    }
    let end = |d: &str| (!d.is_empty()).then(|| d.to_string());
    Ok((
        Lexeme::Field(FieldFilter::Dates {
            from: end(from),
            to: end(to),
        }),
        next,
    ))
}

struct Parser<'a> {
    lexemes: &'a [Located],
    at: usize,
    /// The character after the query, where "it ends too soon" points.
    end: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Located> {
        self.lexemes.get(self.at)
    }

    fn peek_lexeme(&self) -> Option<&Lexeme> {
        self.peek().map(|(_, l)| l)
    }

    fn or(&mut self) -> Result<Node, Problem> {
        let mut parts = vec![self.and()?];
        while self.peek_lexeme() == Some(&Lexeme::Or) {
            self.at += 1;
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::Or(parts)
        })
    }

    fn and(&mut self) -> Result<Node, Problem> {
        let mut parts = vec![self.unary()?];
        loop {
            match self.peek_lexeme() {
                Some(Lexeme::And) => {
                    self.at += 1;
                    parts.push(self.unary()?);
                }
                Some(Lexeme::Or | Lexeme::Close) | None => break,
                Some(_) => parts.push(self.unary()?),
            }
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::And(parts)
        })
    }

    fn unary(&mut self) -> Result<Node, Problem> {
        let Some((at, lexeme)) = self.peek().cloned() else {
            return Err(problem(
                self.end,
                "the query ends where a word is expected",
                "add a word, or remove the operator at the end",
            ));
        };
        self.at += 1;
        match lexeme {
            Lexeme::Not => Ok(Node::Not(Box::new(self.unary()?))),
            Lexeme::Open => {
                let inner = self.or()?;
                if self.peek_lexeme() != Some(&Lexeme::Close) {
                    return Err(problem(
                        at,
                        "this '(' is not closed",
                        "close the group with ')'",
                    ));
                }
                self.at += 1;
                Ok(inner)
            }
            Lexeme::Near(slop) => self.near(at, slop),
            Lexeme::Word(word) => Ok(Node::Word(word)),
            Lexeme::Phrase { text, slop } => Ok(Node::Phrase { text, slop }),
            Lexeme::Prefix(stem) => Ok(Node::Prefix(stem)),
            Lexeme::Fuzzy { word, edits } => Ok(Node::Fuzzy { word, edits }),
            Lexeme::Field(filter) => Ok(Node::Field(filter)),
            other @ (Lexeme::And | Lexeme::Or | Lexeme::Close) => Err(problem(
                at,
                format!("{} has nothing before it", describe(&other)),
                match other {
                    Lexeme::Close => "remove the ')', or open the group with '('".to_string(),
                    _ => format!(
                        "put a word on both sides of {0}, or write {0} in lower case to search for the word",
                        describe(&other)
                    ),
                },
            )),
        }
    }

    /// `NEAR(` has been read: plain words and phrases up to `)`, as one phrase with a slop.
    fn near(&mut self, at: usize, slop: u32) -> Result<Node, Problem> {
        let example = "write NEAR(rusland desinformatie) or NEAR/5(rusland desinformatie)";
        if self.peek_lexeme() != Some(&Lexeme::Open) {
            return Err(problem(at, "NEAR needs its words in parentheses", example));
        }
        self.at += 1;
        let mut words: Vec<String> = Vec::new();
        loop {
            match self.peek().cloned() {
                Some((_, Lexeme::Close)) => {
                    self.at += 1;
                    break;
                }
                Some((_, Lexeme::Word(word))) => words.push(word),
                Some((_, Lexeme::Phrase { text, .. })) => words.push(text),
                Some((inner, other)) => {
                    return Err(problem(
                        inner,
                        format!("NEAR(...) takes only words, not {}", describe(&other)),
                        example,
                    ))
                }
                None => {
                    return Err(problem(
                        at,
                        "this NEAR( is not closed",
                        "close its words with ')'",
                    ))
                }
            }
            self.at += 1;
        }
        if words.len() < 2 {
            return Err(problem(at, "NEAR(...) needs at least two words", example));
        }
        Ok(Node::Phrase {
            text: words.join(" "),
            slop,
        })
    }
}

fn describe(lexeme: &Lexeme) -> String {
    match lexeme {
        Lexeme::Word(w) => format!("the word {w:?}"),
        Lexeme::Phrase { text, .. } => format!("the phrase \"{text}\""),
        Lexeme::Prefix(p) => format!("the prefix {p}*"),
        Lexeme::Fuzzy { word, edits } => format!("the fuzzy word {word}~{edits}"),
        Lexeme::Field(_) => "a field".into(),
        Lexeme::Near(_) => "NEAR".into(),
        Lexeme::And => "AND".into(),
        Lexeme::Or => "OR".into(),
        Lexeme::Not => "NOT".into(),
        Lexeme::Open => "'('".into(),
        Lexeme::Close => "')'".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Node {
        Node::Word(w.into())
    }

    fn phrase(text: &str, slop: u32) -> Node {
        Node::Phrase {
            text: text.into(),
            slop,
        }
    }

    #[test]
    fn words_side_by_side_are_all_required() {
        assert_eq!(
            parse("cyberaanvallen Rusland").unwrap(),
            Node::And(vec![word("cyberaanvallen"), word("Rusland")])
        );
    }

    #[test]
    fn operators_phrases_and_groups() {
        assert_eq!(
            parse("(Rusland OR China) AND NOT \"economische veiligheid\" -Iran").unwrap(),
            Node::And(vec![
                Node::Or(vec![word("Rusland"), word("China")]),
                Node::Not(Box::new(phrase("economische veiligheid", 0))),
                Node::Not(Box::new(word("Iran"))),
            ])
        );
        assert_eq!(
            parse("“risico’s” OF dreigingen").unwrap(),
            Node::Or(vec![phrase("risico’s", 0), word("dreigingen")])
        );
    }

    #[test]
    fn hyphens_inside_words_are_not_negation() {
        assert_eq!(parse("Covid-19").unwrap(), word("Covid-19"));
        assert_eq!(parse("EU-grondgebied").unwrap(), word("EU-grondgebied"));
        assert_eq!(parse("F-35").unwrap(), word("F-35"));
    }

    #[test]
    fn prefixes_fuzzy_words_and_proximity() {
        assert_eq!(
            parse("terror* aanslag").unwrap(),
            Node::And(vec![Node::Prefix("terror".into()), word("aanslag")])
        );
        assert_eq!(
            parse("desinformatei~1 ondermijning~").unwrap(),
            Node::And(vec![
                Node::Fuzzy {
                    word: "desinformatei".into(),
                    edits: 1
                },
                Node::Fuzzy {
                    word: "ondermijning".into(),
                    edits: 2
                },
            ])
        );
        assert_eq!(
            parse("\"rusland desinformatie\"~30").unwrap(),
            phrase("rusland desinformatie", 30)
        );
        assert_eq!(
            parse("NEAR(Rusland desinformatie)").unwrap(),
            phrase("Rusland desinformatie", NEAR_DEFAULT)
        );
        assert_eq!(
            parse("NEAR/5(Rusland \"statelijke actoren\") cyber").unwrap(),
            Node::And(vec![phrase("Rusland statelijke actoren", 5), word("cyber")])
        );
    }

    #[test]
    fn fields_and_date_ranges() {
        assert_eq!(
            parse("editie:\"NVS 2019\" thema:cyberdreigingen spionage").unwrap(),
            Node::And(vec![
                Node::Field(FieldFilter::Is(FieldName::Edition, "NVS 2019".into())),
                Node::Field(FieldFilter::Is(FieldName::Theme, "cyberdreigingen".into())),
                word("spionage"),
            ])
        );
        assert_eq!(
            parse("datum:2019..2021").unwrap(),
            Node::Field(FieldFilter::Dates {
                from: Some("2019".into()),
                to: Some("2021".into())
            })
        );
        assert_eq!(
            parse("date:..2020-06").unwrap(),
            Node::Field(FieldFilter::Dates {
                from: None,
                to: Some("2020-06".into())
            })
        );
        assert_eq!(
            parse("Reeks:NVS").unwrap(),
            Node::Field(FieldFilter::Is(FieldName::Series, "NVS".into()))
        );
    }

    #[test]
    fn errors_point_at_the_character_and_say_what_to_write() {
        let fails = |q: &str| parse(q).unwrap_err();
        let e = fails("(rusland OR china");
        assert_eq!((e.at, e.problem.as_str()), (1, "this '(' is not closed"));
        let e = fails("rusland)");
        assert_eq!((e.at, e.problem.as_str()), (8, "a ')' has no matching '('"));
        let e = fails("rusland AND");
        assert_eq!(e.at, 12);
        let e = fails("OR china");
        assert_eq!((e.at, e.problem.as_str()), (1, "OR has nothing before it"));
        assert_eq!(fails("\"nationale veiligheid").at, 1);
        let e = fails("veilig*heid");
        assert_eq!(
            (e.at, e.hint.as_str()),
            (
                7,
                "write veilig* to find every word that starts with \"veilig\""
            )
        );
        assert_eq!(
            fails("t*").problem,
            "a prefix needs at least 2 letters before the '*'"
        );
        let e = fails("desinformatie~3");
        assert_eq!(
            (e.at, e.hint.as_str()),
            (15, "write desinformatie~1 or desinformatie~2")
        );
        let e = fails("spionage jaar:2020");
        assert_eq!(e.at, 10);
        assert!(e
            .hint
            .starts_with("the fields are editie:, edition:, thema:"));
        let e = fails("datum:vorig-jaar");
        assert_eq!(e.at, 7);
        assert_eq!(fails("NEAR/x(a b)").at, 6);
        assert_eq!(
            fails("NEAR(rusland)").problem,
            "NEAR(...) needs at least two words"
        );
        assert_eq!(fails("\"a b\"~x").at, 7);
        let shown = fails("cyber (rusland OR").to_string();
        assert_eq!(
            shown,
            "the query \"cyber (rusland OR\" does not parse at character 18 (after \"cyber (rusland OR\"): \
             the query ends where a word is expected; add a word, or remove the operator at the end"
        );
    }
}
