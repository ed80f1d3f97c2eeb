//! Footnotes: the numbers glued to words and sentence ends ("nationale veiligheid4",
//! "Mobiliteit11", "2035.12"), and the notes themselves ("4 Het begrip ’nationale veiligheid’ ...").
//!
//! Both are told apart from ordinary numbers by their sequence: footnote numbers rise through a
//! document, so a candidate counts only near the numbers already seen and only once.

use rustc_hash::FxHashSet as HashSet;

/// How far a marker may stray from the highest marker seen (extraction scrambles page order a little).
const MARKER_WINDOW: u32 = 3;
/// How far a note may jump past the last note (extraction loses some notes).
const NOTE_JUMP: u32 = 6;

/// The footnote numbering of one document, as far as it has been read.
#[derive(Debug, Default)]
pub struct Footnotes {
    highest_marker: u32,
    markers: HashSet<u32>,
    last_note: u32,
    /// Numbers of the notes the document has, found before reading it.
    notes: HashSet<u32>,
}

impl Footnotes {
    /// Reads the notes of a document first, so a marker whose note is there counts wherever it is.
    pub fn new<'a>(lines: impl IntoIterator<Item = &'a str>) -> Footnotes {
        let mut scan = Footnotes::default();
        let notes = lines
            .into_iter()
            .filter_map(|l| scan.note_start(l))
            .collect();
        Footnotes {
            notes,
            ..Footnotes::default()
        }
    }

    /// The number of the note that `line` starts ("5 Tweede Kamer 2020-2021, ..."), if it starts one.
    pub fn note_start(&mut self, line: &str) -> Option<u32> {
        let line = line.trim_start();
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            return None;
        }
        let rest = &line[digits..];
        let text = rest.trim_start();
        if text.len() == rest.len() {
            return None;
        }
        let first = text.chars().next()?;
        if !(first.is_uppercase() || matches!(first, '‘' | '’' | '“' | '"' | '\'' | '(')) {
            return None;
        }
        let number: u32 = line[..digits].parse().ok()?;
        if number <= self.last_note || number > self.last_note + NOTE_JUMP {
            return None;
        }
        self.last_note = number;
        Some(number)
    }

    /// Whether the digits at `start..end` of `line` are a footnote marker; if so, its number.
    pub fn marker(&mut self, line: &str, start: usize, end: usize) -> Option<u32> {
        if end - start > 2 {
            return None;
        }
        let after = line[end..].chars().next();
        if after.is_some_and(|c| !(c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')'))) {
            return None;
        }
        let mut before = line[..start].chars().rev();
        let (Some(prev), prev2) = (before.next(), before.next()) else {
            return None;
        };
        let glued_to_word = prev.is_lowercase() && prev2.is_some_and(char::is_lowercase);
        let after_sentence = matches!(prev, '.' | ';' | ':' | ')' | '’' | '”' | '\'' | '"')
            && prev2.is_some_and(|p| {
                p.is_alphabetic()
                    || matches!(p, ')' | '’' | '”' | '\'' | '"')
                    || prev == '.' && p.is_ascii_digit() && year_before(&line[..start - 1])
            });
        if !(glued_to_word || after_sentence) {
            return None;
        }
        let number: u32 = line[start..end].parse().ok()?;
        let near = number + MARKER_WINDOW >= self.highest_marker
            && number <= self.highest_marker + MARKER_WINDOW;
        let known = self.notes.contains(&number);
        if number == 0 || !(near || known) || self.markers.contains(&number) {
            return None;
        }
        self.markers.insert(number);
        self.highest_marker = self.highest_marker.max(number);
        Some(number)
    }
}

/// True when `text` ends in a four-digit number: "2035.12" is year 2035, note 12; "3.4" is not.
fn year_before(text: &str) -> bool {
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    digits == 4
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asks about the digits that follow `before` in `line`.
    fn find(notes: &mut Footnotes, line: &str, before: &str) -> Option<u32> {
        let start = line.find(before).unwrap() + before.len();
        let end = start + line[start..].bytes().take_while(u8::is_ascii_digit).count();
        notes.marker(line, start, end)
    }

    #[test]
    fn markers_of_the_seed_in_order() {
        let mut notes = Footnotes::default();
        assert_eq!(
            find(&mut notes, "2019) het licht.1 Het uitbrengen", "licht."),
            Some(1)
        );
        assert_eq!(
            find(&mut notes, "voor dit document.2 De NVS 2019", "document."),
            Some(2)
        );
        // Page order puts note 4's marker before note 3's.
        assert_eq!(
            find(&mut notes, "veiligheid4 op de korte termijn", "veiligheid"),
            Some(4)
        );
        assert_eq!(
            find(&mut notes, "economische veiligheid.3 ", "veiligheid."),
            Some(3)
        );
        assert_eq!(
            find(
                &mut notes,
                "Tweede Kamer over gerapporteerd.5 Er",
                "gerapporteerd."
            ),
            Some(5)
        );
    }

    #[test]
    fn ordinary_numbers_are_not_markers() {
        let mut notes = Footnotes::default();
        assert_eq!(
            find(&mut notes, "strafproces MH17, de coronacrisis", "MH"),
            None
        );
        assert_eq!(
            find(&mut notes, "jaar tot 178,2 miljard dollar", "178,"),
            None
        );
        assert_eq!(find(&mut notes, "tot 2 graden Celsius", "tot "), None);
        assert_eq!(find(&mut notes, "paragraaf 3.1 beschrijft", "3."), None);
        // Far from the sequence so far: a number, not a note.
        assert_eq!(
            find(&mut notes, "de Mobiliteit11 geeft", "Mobiliteit"),
            None
        );
    }

    #[test]
    fn markers_later_in_the_sequence() {
        let mut notes = Footnotes {
            highest_marker: 10,
            ..Footnotes::default()
        };
        assert_eq!(
            find(
                &mut notes,
                "Militaire Mobiliteit11 geeft verder",
                "Mobiliteit"
            ),
            Some(11)
        );
        assert_eq!(find(&mut notes, "overzicht van.12 ", "van."), Some(12));
        assert_eq!(find(&mut notes, "in 2035.13 Dat", "2035."), Some(13));
        assert_eq!(find(&mut notes, "ting”.14", "”."), Some(14));
        assert_eq!(
            find(&mut notes, "nogmaals.12 ", "nogmaals."),
            None,
            "each number is used once"
        );
    }

    #[test]
    fn notes_start_in_sequence_with_a_capital() {
        let mut notes = Footnotes::default();
        assert_eq!(
            notes.note_start("1 Tweede Kamer 2018-2019, 3 0821, nr. 81.  "),
            Some(1)
        );
        assert_eq!(
            notes.note_start(" 5 Tweede Kamer 2020-2021, 30 821, nr. 125. "),
            Some(5)
        );
        assert_eq!(notes.note_start("30 821, nr. 110)’ "), None);
        assert_eq!(
            notes.note_start("19 natuurlijk wel significant toegenomen."),
            None
        );
        assert_eq!(notes.note_start("4 Het begrip"), None, "numbers only rise");
        assert_eq!(
            notes.note_start("6 Tweede Kamer 2018-2019, 30 821, Nr. 91 en 112. "),
            Some(6)
        );
    }

    #[test]
    fn a_marker_counts_out_of_sequence_when_its_note_is_there() {
        let lines = [
            "veiligheid4 op de korte termijn",
            "",
            "4 Het begrip ’nationale veiligheid’ wordt",
        ];
        let mut notes = Footnotes::new(lines);
        assert_eq!(find(&mut notes, lines[0], "veiligheid"), Some(4));
        let mut without = Footnotes::default();
        assert_eq!(find(&mut without, lines[0], "veiligheid"), None);
    }
}
