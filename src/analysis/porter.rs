//! Snowball's Dutch stemmer (Porter's algorithm, the one rust-stemmers generates) for words of the
//! letters a-z only, which is nearly every folded Dutch word. The same steps and regions, on bytes,
//! without the generated code's generic machinery: that machinery (binary searches over suffix
//! tables, a character decoded for each test) was a twentieth of ingesting the OCR'd papers, whose
//! noise makes a hundred thousand new words. Words with other characters go to rust-stemmers.
//!
//! Steps as in <https://snowballstem.org/algorithms/dutch/stemmer.html>; the property test at the
//! bottom holds this port to rust-stemmers on every word it is given.

/// Where `i` and `y` between vowels stand as consonants (the algorithm's `I` and `Y`).
const CONSONANT_I: u8 = b'I';
const CONSONANT_Y: u8 = b'Y';

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The stem of `word`, or `None` when it has a character outside a-z.
pub fn stem(word: &str) -> Option<String> {
    let bytes = word.as_bytes();
    if !bytes.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let mut w = bytes.to_vec();
    mark_consonants(&mut w);
    let (r1, r2) = regions(&w);
    let mut stem = Stem { w, r1, r2 };
    stem.standard_suffix();
    for b in &mut stem.w {
        *b = b.to_ascii_lowercase();
    }
    Some(String::from_utf8(stem.w).expect("letters a-z stay ASCII"))
}

/// A leading `y`, a `y` after a vowel and an `i` between vowels are consonants.
fn mark_consonants(w: &mut [u8]) {
    if w.first() == Some(&b'y') {
        w[0] = CONSONANT_Y;
    }
    for c in 0..w.len() {
        if !is_vowel(w[c]) {
            continue;
        }
        match (w.get(c + 1), w.get(c + 2)) {
            (Some(b'i'), Some(&after)) if is_vowel(after) => w[c + 1] = CONSONANT_I,
            (Some(b'y'), _) => w[c + 1] = CONSONANT_Y,
            _ => {}
        }
    }
}

/// R1 and R2: after the first non-vowel that follows a vowel (R1 at least at byte 3), and the same
/// again after R1; the end of the word where there is none.
fn regions(w: &[u8]) -> (usize, usize) {
    let end = w.len();
    let after_vowel_run = |from: usize| -> Option<usize> {
        let vowel = from + w.get(from..)?.iter().position(|&b| is_vowel(b))?;
        let consonant = vowel + 1 + w[vowel + 1..].iter().position(|&b| !is_vowel(b))?;
        Some(consonant + 1)
    };
    let Some(r1) = after_vowel_run(0) else {
        return (end, end);
    };
    // R2 is sought from where R1 was found, before R1 is moved to byte 3.
    (r1.max(3), after_vowel_run(r1).unwrap_or(end))
}

struct Stem {
    w: Vec<u8>,
    r1: usize,
    r2: usize,
}

impl Stem {
    fn ends_with(&self, suffix: &[u8]) -> bool {
        self.w.ends_with(suffix)
    }

    /// The letter before the last `len` bytes is neither a vowel (`y` is one, `I` and `Y` are
    /// not) nor `also`.
    fn consonant_before(&self, len: usize, also: Option<u8>) -> bool {
        let at = self.w.len().checked_sub(len + 1);
        at.is_some_and(|at| !is_vowel(self.w[at]) && Some(self.w[at]) != also)
    }

    fn cut(&mut self, len: usize) {
        self.w.truncate(self.w.len() - len);
    }

    /// `kk`, `dd`, `tt` at the end lose a letter; false where there is none to undouble.
    fn undouble(&mut self) -> bool {
        let doubled = [b"kk", b"dd", b"tt"].iter().any(|d| self.ends_with(*d));
        if doubled {
            self.w.pop();
        }
        doubled
    }

    /// A final `e` in R1 after a non-vowel goes, then undoubling; whether the `e` went.
    fn e_ending(&mut self) -> bool {
        if self.ends_with(b"e") && self.r1 < self.w.len() && self.consonant_before(1, None) {
            self.cut(1);
            self.undouble();
            return true;
        }
        false
    }

    /// A final `en` in R1 after a non-vowel, not after `gem`, goes, then undoubling.
    fn en_ending(&mut self, len: usize) {
        let start = self.w.len() - len;
        if self.r1 <= start
            && self.consonant_before(len, None)
            && !self.w[..start].ends_with(b"gem")
        {
            self.cut(len);
            self.undouble();
        }
    }

    fn standard_suffix(&mut self) {
        // Step 1: the longest of heden, ene, en, se, s.
        let len = self.w.len();
        if self.ends_with(b"heden") {
            if self.r1 <= len - 5 {
                self.cut(5);
                self.w.extend_from_slice(b"heid");
            }
        } else if self.ends_with(b"ene") {
            self.en_ending(3);
        } else if self.ends_with(b"en") {
            self.en_ending(2);
        } else if self.ends_with(b"se") || self.ends_with(b"s") {
            let suffix = if self.ends_with(b"se") { 2 } else { 1 };
            if self.r1 <= len - suffix && self.consonant_before(suffix, Some(b'j')) {
                self.cut(suffix);
            }
        }
        // Step 2.
        let e_found = self.e_ending();
        // Step 3a: heid in R2, not after c, then en.
        let len = self.w.len();
        if self.ends_with(b"heid") && self.r2 <= len - 4 && !self.w[..len - 4].ends_with(b"c") {
            self.cut(4);
            if self.ends_with(b"en") {
                self.en_ending(2);
            }
        }
        // Step 3b: derivational suffixes in R2.
        let len = self.w.len();
        let r2 = self.r2;
        let in_r2 = |suffix: usize| r2 <= len - suffix;
        if self.ends_with(b"end") || self.ends_with(b"ing") {
            if in_r2(3) {
                self.cut(3);
                let len = self.w.len();
                if self.ends_with(b"ig") && self.r2 <= len - 2 && !self.w[..len - 2].ends_with(b"e")
                {
                    self.cut(2);
                } else {
                    self.undouble();
                }
            }
        } else if self.ends_with(b"ig") {
            if in_r2(2) && !self.w[..len - 2].ends_with(b"e") {
                self.cut(2);
            }
        } else if self.ends_with(b"lijk") {
            if in_r2(4) {
                self.cut(4);
                self.e_ending();
            }
        } else if self.ends_with(b"baar") {
            if in_r2(4) {
                self.cut(4);
            }
        } else if self.ends_with(b"bar") && in_r2(3) && e_found {
            self.cut(3);
        }
        // Step 4: a doubled vowel between non-vowels is undoubled ("maan" -> "man").
        let w = &self.w;
        let n = w.len();
        if n >= 4
            && !is_vowel(w[n - 1])
            && w[n - 1] != CONSONANT_I
            && [b"aa", b"ee", b"oo", b"uu"].contains(&&[w[n - 3], w[n - 2]])
            && !is_vowel(w[n - 4])
        {
            self.w.remove(n - 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_stemmers::{Algorithm, Stemmer};

    fn snowball(word: &str) -> String {
        Stemmer::create(Algorithm::Dutch).stem(word).into_owned()
    }

    #[test]
    fn stems_words_of_the_seed_as_snowball_does() {
        // Words of the NVS midterm review 2021, folded as the analyzer folds them, and a few more
        // for the rules on `y` and on doubled vowels ("maan", "yoghurt", "ayatollah").
        let seed = "Nationale Veiligheid Strategie tussentijdse evaluatie dreigingen weerbaarheid \
            polarisatie radicalisering statelijke actoren cybersecurity vitale infrastructuur \
            ondermijning georganiseerde criminaliteit klimaatverandering overstromingen \
            pandemie gezondheidsdreigingen complottheorieen beinvloeding desinformatie \
            geintegreerde uitvoering maatregelen kabinet heden mogelijkheden aanvallen \
            economische veiligheid maan boeken kansen wapens gemeenten betekende bedreigingen \
            ruimtelijk hoofdlijnen yoghurt ayatollah uiteindelijk onvoorspelbaarheid";
        for word in seed.split_whitespace() {
            let word = word.to_lowercase();
            assert_eq!(
                stem(&word).as_deref(),
                Some(snowball(&word).as_str()),
                "{word}"
            );
        }
        assert_eq!(stem("weerbaarheid").as_deref(), Some("weerbar"));
        // R2 is sought from where R1 was found, before R1 moves to byte 3: the property test's
        // shortest case when it was sought from byte 3.
        assert_eq!(stem("eneyheden"), Some(snowball("eneyheden")));
        assert_eq!(stem("eneyheden").as_deref(), Some("eney"));
        assert_eq!(stem("mogelijkheden").as_deref(), Some("mogelijk"));
        assert_eq!(stem("maatregelen").as_deref(), Some("maatregel"));
    }

    #[test]
    fn leaves_words_outside_a_to_z_to_rust_stemmers() {
        assert_eq!(stem("geïntegreerde"), None);
        assert_eq!(stem("covid19"), None);
        assert_eq!(stem("Nederland"), None);
        assert_eq!(stem(""), Some(String::new()));
    }

    /// Letters weighted towards the ones the rules test, so that the suffixes and doubled vowels
    /// they look for come up often.
    fn dutch_like() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "a", "e", "i", "o", "u", "y", "j", "k", "d", "t", "s", "n", "g", "m", "c", "b", "r",
            "l", "h", "v", "z", "aa", "ee", "oo", "uu", "ij", "en", "ene", "heden", "heid", "se",
            "end", "ing", "ig", "lijk", "baar", "bar", "gem", "kk", "dd", "tt", "ie", "ye",
        ]);
        prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn agrees_with_rust_stemmers(word in dutch_like()) {
            prop_assert_eq!(stem(&word), Some(snowball(&word)));
        }
    }
}
