//! Paragraphs: lines of a document joined back into paragraphs, with every line-level repair applied
//! on the way: page furniture dropped, line-end hyphenation decided, soft hyphens and footnote markers
//! removed, quotes straightened, headings, bullet items and footnotes kept apart, and paragraphs that a
//! page break or a footnote cut in two joined again.

use std::ops::Range;

use super::characters::{is_soft_hyphen, straight_quote};
use super::footnotes::Footnotes;
use super::furniture;
use super::hyphenation::{Decision, Evidence};
use super::inline_hyphens;
use super::mapped::Mapped;
use crate::lang::{self, ligatures};
use crate::scan::{ascii_run, bytes_in, digits};

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Body,
    /// A title line or Markdown heading.
    Heading,
    /// A bullet item.
    Item,
    /// The text of footnote N.
    Footnote(u32),
}

/// A clean paragraph and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub kind: Kind,
    /// The clean text, mapped back to the source.
    pub mapped: Mapped,
    /// First and last source line (1-based, inclusive).
    pub lines: (usize, usize),
    /// Byte range in the source text.
    pub span: Range<usize>,
    /// Footnote markers removed from the text, in order.
    pub notes: Vec<u32>,
    /// Blank or furniture lines right before it: a wide gap ends a box or a page region.
    pub gap_before: usize,
    /// The level of a heading that says it: `##` is 2, "2.3 Dreigingen" is 2.
    pub level: Option<usize>,
}

impl Paragraph {
    pub fn text(&self) -> &str {
        self.mapped.text()
    }
}

/// Words after which a short line is a sentence cut off, not a heading.
const OPEN_ENDINGS: [&str; 24] = [
    "de", "het", "een", "van", "voor", "om", "te", "en", "of", "die", "dat", "met", "op", "in",
    "aan", "door", "bij", "naar", "tot", "als", "is", "zijn", "wordt", "worden",
];

/// How many paragraphs back a continuation ("hybride operaties). Zij ...") looks for its start.
const CONTINUATION_REACH: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Nothing,
    /// The text ends in a hyphen at a line end.
    Hyphen,
    /// The line ended in a soft hyphen: join without a space.
    Soft,
}

struct Line<'a> {
    number: usize,
    start: usize,
    text: &'a str,
}

/// Splits `source` into repaired paragraphs, in reading order.
pub fn paragraphs(source: &str) -> Vec<Paragraph> {
    let lines = split_lines(source);
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    // Only a text with form feeds has pages to compare; one scan of the whole text says so.
    let paged = memchr::memchr(b'\x0c', source.as_bytes()).is_some();
    let furniture = furniture::mark(&texts, paged);
    let median = median_length(&texts);
    let evidence = Gathered::gather(source);
    let mut notes = Footnotes::new(texts.iter().copied());
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Option<Builder> = None;
    // A paragraph whose last word a page end cut, set aside while a footnote or heading that the
    // page put between its halves is read ("verho-", "5 Tweede Kamer ...", "ging van").
    let mut held: Option<Builder> = None;
    let mut gap = 0;

    for (i, line) in lines.iter().enumerate() {
        if furniture[i] {
            gap += 1;
            continue;
        }
        let trimmed = line.text.trim();
        let continues_word = current
            .as_ref()
            .is_some_and(|c| c.pending != Pending::Nothing);
        if trimmed.is_empty() {
            // A word cut at a page end goes on after the blank lines.
            if !continues_word {
                close(&mut current, &mut out);
                current = held.take();
            }
            gap += 1;
            continue;
        }
        let gap_before = std::mem::take(&mut gap);
        if continues_word && gap_before > 0 && held.is_none() {
            if let Some(number) = notes.note_start(line.text) {
                held = current.take();
                if let Some(body) = held.as_mut() {
                    body.place = Some(out.len());
                }
                let mut note = Builder::new(Kind::Footnote(number), line, gap_before);
                note.append(line, &evidence, &mut notes);
                current = Some(note);
                continue;
            }
        }
        if !continues_word {
            if let Some(number) = notes.note_start(line.text) {
                close(&mut current, &mut out);
                let mut note = Builder::new(Kind::Footnote(number), line, gap_before);
                note.append(line, &evidence, &mut notes);
                current = Some(note);
                continue;
            }
            if let Some(heading) = trimmed.strip_prefix('#') {
                close(&mut current, &mut out);
                let offset = line.start + (line.text.len() - line.text.trim_start().len());
                let mut builder = Builder::new(Kind::Heading, line, gap_before);
                builder.level = Some(trimmed.len() - trimmed.trim_start_matches('#').len());
                let text = heading.trim_start_matches('#');
                let lead = trimmed.len() - text.trim_start().len();
                builder.append_text(text.trim(), offset + lead, &evidence, &mut notes);
                current = Some(builder);
                close(&mut current, &mut out);
                continue;
            }
            let bullet = is_bullet(trimmed, current.as_ref());
            let new_block = line.text.starts_with(char::is_whitespace)
                || bullet
                || is_title_line(&lines, &furniture, i, median);
            if new_block {
                close(&mut current, &mut out);
            }
        }
        let bullet = !continues_word && is_bullet(trimmed, current.as_ref());
        let builder = current.get_or_insert_with(|| {
            let kind = if bullet { Kind::Item } else { Kind::Body };
            Builder::new(kind, line, gap_before)
        });
        builder.append(line, &evidence, &mut notes);
        if !continues_word && is_title_line(&lines, &furniture, i, median) {
            builder.kind = Kind::Heading;
            close(&mut current, &mut out);
        }
    }
    close(&mut current, &mut out);
    close(&mut held, &mut out);
    join_continuations(out)
}

/// What is learned of the whole document before its lines are joined.
struct Gathered<'a> {
    /// How the document writes its hyphenated words, for line-end hyphens.
    hyphens: Evidence<'a>,
    /// The source offset of each ligature to restore and its letters, in order.
    ligatures: Vec<(usize, &'static str)>,
}

impl Gathered<'_> {
    fn gather(source: &str) -> Gathered<'_> {
        let ligatures = if ligatures::may_hold(source) {
            ligatures::restorations(source, |word| lang::word_list().count(word) > 0).0
        } else {
            Vec::new()
        };
        Gathered {
            hyphens: Evidence::gather(source),
            ligatures,
        }
    }

    /// The letters of the ligature at source byte `at`, if one is restored there.
    fn ligature(&self, at: usize) -> Option<&'static str> {
        let i = self.ligatures.binary_search_by_key(&at, |&(a, _)| a).ok()?;
        Some(self.ligatures[i].1)
    }
}

/// A paragraph being built.
struct Builder {
    kind: Kind,
    mapped: Mapped,
    lines: (usize, usize),
    span: Range<usize>,
    notes: Vec<u32>,
    pending: Pending,
    gap_before: usize,
    /// A Markdown heading's level, from its `#` marks.
    level: Option<usize>,
    /// Where in the paragraphs it goes when it was held while a note was read: before the note.
    place: Option<usize>,
}

impl Builder {
    fn new(kind: Kind, line: &Line, gap_before: usize) -> Builder {
        Builder {
            kind,
            mapped: Mapped::default(),
            lines: (line.number, line.number),
            span: line.start..line.start,
            notes: Vec::new(),
            pending: Pending::Nothing,
            gap_before,
            level: None,
            place: None,
        }
    }

    /// Appends one source line, joined to what came before.
    fn append(&mut self, line: &Line, evidence: &Gathered, notes: &mut Footnotes) {
        let content = line.text.trim();
        let offset = line.start + (line.text.len() - line.text.trim_start().len());
        if !self.mapped.is_empty() {
            match self.pending {
                Pending::Hyphen => {
                    let first: String = content
                        .chars()
                        .take_while(|c| c.is_alphanumeric())
                        .collect();
                    let tail = tail(self.mapped.text(), 40);
                    match evidence.hyphens.decide(tail.trim_end_matches('-'), &first) {
                        Decision::Join => {
                            self.mapped.strip_suffix("-");
                        }
                        Decision::Keep => {}
                        Decision::KeepWithSpace => self.mapped.push_replacement(" ", offset),
                    }
                }
                Pending::Soft => {}
                Pending::Nothing => self.mapped.push_replacement(" ", offset.saturating_sub(1)),
            }
        }
        self.append_text(content, offset, evidence, notes);
        self.lines.1 = line.number;
    }

    /// Appends `content` (found at source byte `offset`), repairing characters on the way.
    fn append_text(
        &mut self,
        content: &str,
        offset: usize,
        evidence: &Gathered,
        notes: &mut Footnotes,
    ) {
        let mut run = 0;
        let mut soft_at_end = false;
        let mut previous: Option<char> = None;
        let mut i = 0;
        while i < content.len() {
            // Most of the text is plain ASCII, which passes as it is.
            let plain = ascii_run(&content.as_bytes()[i..], |chunk| {
                bytes_in(chunk, b'`', b'`') | bytes_in(chunk, b'-', b'-') | digits(chunk)
            });
            if plain > 0 {
                i += plain;
                previous = Some(char::from(content.as_bytes()[i - 1]));
                continue;
            }
            let c = content[i..]
                .chars()
                .next()
                .expect("i is on a character boundary");
            let len = c.len_utf8();
            let next = content[i + len..].chars().next();
            if is_soft_hyphen(c, previous, next) {
                self.mapped.push_source(&content[run..i], offset + run);
                run = i + len;
                soft_at_end = next.is_none();
                i += len;
                continue;
            }
            if c == '-' && lost_line_break(content, i) {
                self.mapped.push_source(&content[run..i], offset + run);
                run = i + len;
                i += len;
                continue;
            }
            if let Some(letters) = evidence.ligature(offset + i) {
                self.mapped.push_source(&content[run..i], offset + run);
                self.mapped.push_replacement(letters, offset + i);
                run = i + len;
                previous = letters.chars().next_back();
                i += len;
                continue;
            }
            if let Some(straight) = straight_quote(c) {
                self.mapped.push_source(&content[run..i], offset + run);
                self.mapped.push_replacement(straight, offset + i);
                run = i + len;
                previous = Some(c);
                i += len;
                continue;
            }
            if c.is_ascii_digit() && !previous.is_some_and(|p| p.is_ascii_digit()) {
                let end = i + content[i..].bytes().take_while(u8::is_ascii_digit).count();
                if let Some(number) = notes.marker(content, i, end) {
                    self.mapped.push_source(&content[run..i], offset + run);
                    self.notes.push(number);
                    run = end;
                    previous = content[..end].chars().next_back();
                    i = end;
                    continue;
                }
            }
            previous = Some(c);
            i += len;
        }
        self.mapped.push_source(&content[run..], offset + run);
        self.mapped.trim_end();
        self.span.end = offset + content.len();
        let text = self.mapped.text();
        self.pending = if soft_at_end {
            Pending::Soft
        } else if text.ends_with('-')
            && text[..text.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        {
            Pending::Hyphen
        } else {
            Pending::Nothing
        };
    }

    fn finish(self) -> Option<Paragraph> {
        if self.mapped.is_empty() {
            return None;
        }
        let mut kind = self.kind;
        if kind == Kind::Body && looks_like_heading(self.mapped.text(), self.lines) {
            kind = Kind::Heading;
        }
        let level = (kind == Kind::Heading)
            .then(|| self.level.or_else(|| section_level(self.mapped.text())))
            .flatten();
        Some(Paragraph {
            kind,
            mapped: self.mapped,
            lines: self.lines,
            span: self.span,
            level,
            notes: self.notes,
            gap_before: self.gap_before,
        })
    }
}

/// Whether the hyphen at byte `at` of `content` joins the halves of one word broken at a line end
/// that the text no longer has ([`inline_hyphens`]). Only a hyphen between two runs of letters is
/// asked about, and not one in a chain ("sociaal-economi-sche" is left whole).
fn lost_line_break(content: &str, at: usize) -> bool {
    let before = &content[..at];
    let after = &content[at + 1..];
    let left = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let right = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if left.is_empty() || right.is_empty() {
        return false;
    }
    let chained =
        before[..before.len() - left.len()].ends_with('-') || after[right.len()..].starts_with('-');
    !chained && inline_hyphens::joins(left, right)
}

fn close(current: &mut Option<Builder>, out: &mut Vec<Paragraph>) {
    let Some(builder) = current.take() else {
        return;
    };
    let place = builder.place;
    if let Some(paragraph) = builder.finish() {
        match place {
            Some(at) => out.insert(at.min(out.len()), paragraph),
            None => out.push(paragraph),
        }
    }
}

fn tail(text: &str, chars: usize) -> &str {
    let start = text.char_indices().rev().nth(chars).map_or(0, |(i, _)| i);
    &text[start..]
}

fn split_lines(source: &str) -> Vec<Line<'_>> {
    let mut offset = 0;
    source
        .split_inclusive('\n')
        .enumerate()
        .map(|(index, raw)| {
            let start = offset;
            offset += raw.len();
            Line {
                number: index + 1,
                start,
                text: raw.trim_end_matches(['\n', '\r']),
            }
        })
        .collect()
}

fn median_length(lines: &[&str]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lengths.is_empty() {
        return 0;
    }
    lengths.sort_unstable();
    lengths[lengths.len() / 2]
}

/// A bullet item starts here: "• ..." always; "- ..." only where a sentence or list has just ended,
/// since a dash at a line start is as often a parenthetical dash ("– onder de drempel ... \n- voor").
fn is_bullet(line: &str, current: Option<&Builder>) -> bool {
    let mut chars = line.chars();
    let (Some(mark), Some(' ' | '\t')) = (chars.next(), chars.next()) else {
        return false;
    };
    match mark {
        '•' | '●' | '▪' | '◦' | '·' | '\u{f0b7}' => true,
        '-' | '*' | '–' => current
            .is_none_or(|c| c.kind == Kind::Item || c.mapped.text().ends_with(['.', ':', ';'])),
        _ => false,
    }
}

/// A short line standing alone before a new sentence: "Ontwikkeling van de weerbaarheid".
fn is_title_line(lines: &[Line], furniture: &[bool], i: usize, median: usize) -> bool {
    let text = lines[i].text.trim();
    if text.chars().count() * 4 > median.max(60) * 3 || !looks_like_heading(text, (1, 1)) {
        return false;
    }
    let neighbour = |step: isize| {
        let mut j = i as isize + step;
        while j >= 0 && (j as usize) < lines.len() && furniture[j as usize] {
            j += step;
        }
        (j >= 0 && (j as usize) < lines.len()).then(|| lines[j as usize].text.trim())
    };
    let before_ok = lines[i].text.starts_with(char::is_whitespace)
        || neighbour(-1).is_none_or(|p| p.is_empty() || ends_sentence(p));
    let after_ok = neighbour(1).is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase));
    before_ok && after_ok
}

/// Short, capitalised, without closing punctuation, not ending on a word that needs a sequel. A
/// section number may lead ("2.3 Dreigingen").
fn looks_like_heading(text: &str, lines: (usize, usize)) -> bool {
    let text = strip_section_number(text.trim());
    let Some(first) = text.chars().next() else {
        return false;
    };
    // The cheap tests first: most paragraphs fail them, and the last word need not be lowered.
    if lines.1 - lines.0 >= 3
        || !first.is_uppercase()
        || text.ends_with(['.', ',', ';', ':', '!', '?', '-'])
        || text.len() > 400
        || text.chars().count() > 100
    {
        return false;
    }
    let last_word = text
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    !OPEN_ENDINGS.contains(&last_word.as_str()) && text.chars().any(|c| c.is_lowercase())
}

/// "2.3 Dreigingen" -> "Dreigingen"; text without a section number is returned whole.
pub fn strip_section_number(text: &str) -> &str {
    let number_len = text
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (number, rest) = text.split_at(number_len);
    // Groups of one or two digits ("2", "2.3", "12.1."): a year is not a section number.
    let groups_ok = !number.is_empty()
        && number
            .trim_end_matches('.')
            .split('.')
            .all(|g| (1..=2).contains(&g.len()));
    if groups_ok && rest.starts_with(' ') {
        rest.trim_start()
    } else {
        text
    }
}

/// The level a section number gives a heading: "2" is 1, "2.3" is 2, none without a number.
fn section_level(text: &str) -> Option<usize> {
    let rest = strip_section_number(text);
    if rest.len() == text.len() {
        return None;
    }
    let number = text[..text.len() - rest.len()].trim().trim_end_matches('.');
    Some(number.split('.').count())
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', ';', ')', '"', '\'', '’', '”'])
}

/// A paragraph cut off mid-sentence (ends on a word, comma or open parenthesis).
fn unfinished(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '(' | '–' | '-'))
}

/// Joins each body paragraph that starts in lower case to the nearest unfinished paragraph before it
/// (body, item or footnote): the two halves that a page break, a footnote or a text box cut apart.
fn join_continuations(paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        let continuation = paragraph.kind == Kind::Body
            && paragraph
                .text()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        if continuation {
            let start = out.len().saturating_sub(CONTINUATION_REACH);
            let open = |j: usize, kinds: &dyn Fn(Kind) -> bool| {
                kinds(out[j].kind) && unfinished(out[j].text())
            };
            // A footnote right before, cut at its end, goes on here; otherwise the body text that a
            // footnote or a page interrupted does, wherever it is within reach.
            let right_before = out.len().checked_sub(1).filter(|&j| {
                paragraph.gap_before <= 1 && open(j, &|k| matches!(k, Kind::Footnote(_)))
            });
            let target = right_before
                .or_else(|| {
                    (start..out.len())
                        .rev()
                        .find(|&j| open(j, &|k| matches!(k, Kind::Body | Kind::Item)))
                })
                .or_else(|| {
                    (start..out.len())
                        .rev()
                        .find(|&j| open(j, &|k| matches!(k, Kind::Footnote(_))))
                });
            if let Some(j) = target {
                let head = &mut out[j];
                head.mapped
                    .push_replacement(" ", paragraph.span.start.saturating_sub(1));
                head.mapped.append(&paragraph.mapped);
                head.lines.1 = head.lines.1.max(paragraph.lines.1);
                head.span.end = head.span.end.max(paragraph.span.end);
                head.notes.extend(paragraph.notes);
                continue;
            }
        }
        out.push(paragraph);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<(Kind, String)> {
        paragraphs(source)
            .into_iter()
            .map(|p| (p.kind, p.text().to_string()))
            .collect()
    }

    #[test]
    fn a_footnote_between_the_halves_of_a_word_is_read_apart() {
        // nvs-seed-layout.pdf as horizon lays it out: the column ends in "verho-", the page's note
        // follows, then the next page goes on with "ging".
        let source = "Daarnaast richt de aanpak statelijke dreigingen zich op de verho\u{ad}\n\n5 Tweede Kamer 2020-2021, 30 821, nr. 125.\n\n\x0cging van bewustwording onder verschillende doelgroepen.\n";
        assert_eq!(
            texts(source),
            [
                (
                    Kind::Body,
                    "Daarnaast richt de aanpak statelijke dreigingen zich op de verhoging van bewustwording onder verschillende doelgroepen.".to_string()
                ),
                (Kind::Footnote(5), "5 Tweede Kamer 2020-2021, 30 821, nr. 125.".to_string()),
            ]
        );
    }

    #[test]
    fn joins_hyphenated_words_and_keeps_real_hyphens() {
        let source = "Ons internationale engagement is principi-\neel en dus benoemt onze grondwet het belang van de \ninternationale rechtsorde. De territoriale veiligheid van het EU-\ngrondgebied en het NAVO-\nbondgenootschap staan onder druk.\n";
        let found = paragraphs(source);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].text(),
            "Ons internationale engagement is principieel en dus benoemt onze grondwet het belang van de internationale rechtsorde. De territoriale veiligheid van het EU-grondgebied en het NAVO-bondgenootschap staan onder druk."
        );
        // "eel" still maps to its place on the second line.
        let at = found[0].text().find("eel en dus").unwrap();
        assert_eq!(
            &source[found[0].mapped.source_offset(at)..][..10],
            "eel en dus"
        );
        let at = found[0].text().find("grondgebied").unwrap();
        assert_eq!(
            &source[found[0].mapped.source_offset(at)..][..11],
            "grondgebied"
        );
    }

    #[test]
    fn footnote_markers_go_and_notes_become_their_own_paragraphs() {
        let source = "benodigde combinatie van intentie en capaciteit om de nationale \nveiligheid4 op de korte termijn (tot twee jaar) aan te tasten.\n\n4 Het begrip ’nationale veiligheid’ wordt in de Nationale Veiligheid Strategie 2019 \nomschreven als: “De nationale veiligheid is in het geding.”\n";
        let found = paragraphs(source);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].text(),
            "benodigde combinatie van intentie en capaciteit om de nationale veiligheid op de korte termijn (tot twee jaar) aan te tasten."
        );
        assert_eq!(found[0].notes, [4]);
        assert_eq!(found[1].kind, Kind::Footnote(4));
        assert_eq!(
            found[1].text(),
            "4 Het begrip 'nationale veiligheid' wordt in de Nationale Veiligheid Strategie 2019 omschreven als: \"De nationale veiligheid is in het geding.\""
        );
        let at = found[0].text().find("op de korte").unwrap();
        assert_eq!(
            &source[found[0].mapped.source_offset(at)..][..11],
            "op de korte"
        );
    }

    #[test]
    fn offsets_survive_quotes_soft_hyphens_and_joins() {
        let source = "Het begrip ’nationale veiligheid’ en de potenti-\nële non-pro¬life-\nratie van geïntegreerde middelen.\n";
        let found = paragraphs(source);
        let paragraph = &found[0];
        assert_eq!(
            paragraph.text(),
            "Het begrip 'nationale veiligheid' en de potentiële non-proliferatie van geïntegreerde middelen."
        );
        for word in [
            "nationale",
            "veiligheid'",
            "ële",
            "life",
            "ratie",
            "geïntegreerde",
            "middelen.",
        ] {
            let clean = paragraph.text().find(word).unwrap();
            let original = paragraph.mapped.source_offset(clean);
            let expected = word.trim_end_matches('\'');
            assert!(
                source[original..].starts_with(expected),
                "{word}: clean {clean} maps to source {original}: {:?}",
                &source[original..original + 12]
            );
        }
    }

    #[test]
    fn lost_ligatures_and_line_breaks_of_converted_text_are_repaired() {
        // pdftotext output saved as text (U+E01E for cairo's 'f' ligature), and a line of
        // Kamerstuk 12449 nr. 66 whose line break OCR lost: "de economi-sche analyse".
        let source = "De steekproe\u{e01e} omvat\u{a0}één regio. Ik doe u een herziene versie van de economi-sche analyse Oesterdamsluis toekomen, naar het alcohol-gehalte.\n";
        let found = paragraphs(source);
        assert_eq!(
            found[0].text(),
            "De steekproef omvat\u{a0}één regio. Ik doe u een herziene versie van de economische analyse Oesterdamsluis toekomen, naar het alcohol-gehalte."
        );
        for word in ["omvat", "één", "economi", "sche analyse", "alcohol-gehalte"] {
            let clean = found[0].text().find(word).unwrap();
            let original = found[0].mapped.source_offset(clean);
            assert!(source[original..].starts_with(word), "{word} at {original}");
        }
        let sche = found[0].text().find("sche analyse").unwrap();
        assert_eq!(&source[found[0].mapped.source_offset(sche)..][..4], "sche");
    }

    #[test]
    fn soft_hyphens_and_running_footers_go() {
        let source = "van het multilaterale regime voor ontwapening en non-pro¬life-\nratie.\n\nNVS midterm review 2021 | 27\n";
        assert_eq!(
            texts(source),
            [(
                Kind::Body,
                "van het multilaterale regime voor ontwapening en non-proliferatie.".to_string()
            )]
        );
    }

    #[test]
    fn title_lines_are_headings_apart_from_their_text() {
        let source = "digitale dreigingen. \n \nOntwikkeling van de weerbaarheid \nSinds het presenteren van de aanpak statelijke dreigingen in april \n2019 zijn belangrijke stappen gezet.\n";
        assert_eq!(
            texts(source),
            [
                (Kind::Body, "digitale dreigingen.".to_string()),
                (Kind::Heading, "Ontwikkeling van de weerbaarheid".to_string()),
                (Kind::Body, "Sinds het presenteren van de aanpak statelijke dreigingen in april 2019 zijn belangrijke stappen gezet.".to_string()),
            ]
        );
    }

    #[test]
    fn a_paragraph_cut_by_footnotes_is_joined_again() {
        let source = "Tweede Kamer over gerapporteerd.5 Er worden maatregelen genomen.\n 5 Tweede Kamer 2020-2021, 30 821, nr. 125. \n6 Tweede Kamer 2018-2019, 30 821, Nr. 91 en 112. \n\nBovendien kunnen kwaadwillende buitenlandse actoren dergelijke polarisatie uitbuiten in het kader van buitenlandse beïnvloeding (via \n 7 Zoals ook gevraagd in de gewijzigde motie van het lid Van den Berg (Kamerstuk \n30 821, nr. 110)’ \n\n\n\n8 Zie ook de kabinetsbrief aan de Tweede Kamer over nationale veiligheid, \nstrategische afhankelijkheid en planbureau van 10 februari 2021 \n\n \n\n\nhybride operaties). Zij kunnen middels gerichte informatiecampagnes polariserende bewegingen in de samenleving versterken.\n";
        let found = texts(source);
        assert_eq!(found.len(), 6, "{found:?}");
        assert_eq!(found[3].0, Kind::Body);
        assert!(found[3].1.ends_with("beïnvloeding (via hybride operaties). Zij kunnen middels gerichte informatiecampagnes polariserende bewegingen in de samenleving versterken."));
        assert_eq!(found[4].0, Kind::Footnote(7));
        assert_eq!(found[5].0, Kind::Footnote(8));
        assert!(
            found[5].1.ends_with("van 10 februari 2021"),
            "the body text is not glued to note 8"
        );
    }

    #[test]
    fn headings_and_bullets_start_paragraphs() {
        let source = "##Wet van 12 juli 1821\nWIJ WILLEM, bij de gratie Gods, Koning der Nederlanden, Prins van Oranje-Nassau, Groot-Hertog van Luxemburg, enz., enz., enz.\n• maatregelen tegen ’s Rijks belastingen;\n• tweede punt.\n";
        assert_eq!(
            texts(source),
            [
                (Kind::Heading, "Wet van 12 juli 1821".to_string()),
                (Kind::Body, "WIJ WILLEM, bij de gratie Gods, Koning der Nederlanden, Prins van Oranje-Nassau, Groot-Hertog van Luxemburg, enz., enz., enz.".to_string()),
                (Kind::Item, "• maatregelen tegen 's Rijks belastingen;".to_string()),
                (Kind::Item, "• tweede punt.".to_string()),
            ]
        );
    }

    #[test]
    fn numbered_sections_are_headings() {
        let source = "De kwetsbaarheid is niet alleen afhankelijk van de dreiging door statelijke actoren.\n\n2.3 Dreigingen voor de vitale infrastructuur\nDe Nederlandse vitale infrastructuur wordt gevormd door processen die zo \nbelangrijk zijn voor onze samenleving dat uitval of verstoring tot \nernstige maatschappelijke ontwrichting zou leiden.\n";
        let found = texts(source);
        assert_eq!(
            found[1],
            (
                Kind::Heading,
                "2.3 Dreigingen voor de vitale infrastructuur".to_string()
            )
        );
        assert_eq!(strip_section_number("2.3 Dreigingen"), "Dreigingen");
        assert_eq!(
            strip_section_number("2019 zijn belangrijke stappen"),
            "2019 zijn belangrijke stappen"
        );
        let gaps: Vec<usize> = paragraphs(source).iter().map(|p| p.gap_before).collect();
        assert_eq!(gaps, [0, 1, 0]);
        assert_eq!(found.len(), 3);
        assert_eq!(paragraphs(source)[1].level, Some(2));
        assert_eq!(paragraphs("### Artikel  1\n")[0].level, Some(3));
    }

    #[test]
    fn handles_crlf_line_ends() {
        let found =
            paragraphs("Eerste regel van de tekst\r\ntweede regel.\r\n\r\nDerde regel volgt hier.");
        assert_eq!(found[0].text(), "Eerste regel van de tekst tweede regel.");
        assert_eq!(found[1].text(), "Derde regel volgt hier.");
        assert_eq!(found[1].lines, (4, 4));
    }
}
