//! Builds `src/lang/data/nl-words.txt`, the Dutch word-frequency list behind hyphenation repair,
//! ligature repair and compound splitting:
//!
//!     apt-get install wdutch                # OpenTaal's word list, /usr/share/dict/dutch
//!     python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
//!     /tmp/wf/bin/python -c "from wordfreq import get_frequency_dict as f
//!     print('# wordfreq 3.1.1 (Robyn Speer, https://github.com/rspeer/wordfreq), Dutch large list,')
//!     print('# occurrences a billion words; CC BY-SA 4.0, so are these counts (see LICENSE-wordfreq.txt)')
//!     for w, p in sorted(f('nl', 'large').items()): print(f'{w}\t{round(p * 1e9)}')" > /tmp/wordfreq-nl.tsv
//!     cargo run --bin horizon-wordlist -- ../shared/corpora corpus /usr/share/dict/dutch \
//!         /tmp/wordfreq-nl.tsv > src/lang/data/nl-words.txt
//!
//! The words are those of three sources:
//!
//! - OpenTaal's list (the third argument; Debian's `wdutch` 2.20.19, BSD or CC BY 3.0, its licence in
//!   `src/lang/data/LICENSE-OpenTaal.txt`): the entries written in lower-case letters only, about
//!   349,000 words with their inflections and many compounds. Capitalised names, abbreviations and
//!   entries with a hyphen, apostrophe, digit or space are left out.
//! - Public Dutch government text under the first folder, which also gives most of the counts:
//!   `nl-laws/**/*.md` (consolidated laws and policy rules, 1821-2015) and `sgd-kamerstukken.jsonl`
//!   (parliamentary papers 1814-1995, OCR), where words seen fewer than `MIN_COUNT` times are left out
//!   as OCR noise. Its old spellings ("menschen") are not in OpenTaal and are kept for the papers.
//! - The `.txt` and `.md` documents of the project's own corpus (the second folder), every word counted.
//!
//! The optional fourth argument is a broad modern frequency list, `word<TAB or space>count` a line,
//! whose opening `#` lines (source and licence) are copied into the header: wordfreq's Dutch list as
//! above (Wikipedia, subtitles, news, web and Twitter; CC BY-SA 4.0; occurrences a billion words). It
//! gives the counts of the OpenTaal words that the texts have seen fewer than `MIN_COUNT` times
//! ("schermlezer", "toetsenbord", "kringloop"), scaled to the size of the texts (as if a second
//! corpus of that size had been read), rounded up and at least `SEEN_IN_FREQUENCIES` (2), so that a
//! modern word rare even there (23 a billion) is a compound part. It gives no words of its own: what it
//! has beyond OpenTaal is mostly English and names ("and", "place"), which would make compound parts
//! of stray words ("bestand" is not best + and). Nor does it change the counts of the words the texts
//! have: added to them (tried: 0.938 recall on the PDF gold of `analysis::compounds` against 0.885),
//! the subtitles' short everyday words ("best", "ding", "mijn", "eten") outweigh the words they are
//! found inside, and 157 words of the project's corpus split differently, most of them wrongly
//! ("bestrijding" into best + rij + ding).
//!
//! An OpenTaal word in none of these sources counts 1: known, for the repairs, but below what a
//! compound part needs (`analysis::compounds`), and as a whole word weaker than any two parts seen more
//! than once, so "desinformatiecampagne" is known and still split into desinformatie + campagne.
//!
//! Words are UAX #29 words of letters only, lower-cased, soft hyphens removed first. A word at either
//! side of a line-end hyphen is passed over, since it is a fragment; in the OCR'd papers, whose line
//! breaks are lost ("aftrek-baarheid"), so is every word touching a hyphen. Rows go by count, highest
//! first; a word counted 1 is written without its count, which the parser takes as 1.

use std::collections::{HashMap, HashSet};
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use horizon::analysis::words;

const MIN_COUNT: u64 = 3;
const MAX_LEN: usize = 40;
/// The least count the frequency list gives a word: it is in use in modern text, which makes it as
/// good a compound part (of 6 letters or more) as a word the government text has twice.
const SEEN_IN_FREQUENCIES: u64 = 2;
const USAGE: &str =
    "usage: horizon-wordlist CORPORA_DIR OWN_CORPUS_DIR OPENTAAL_LIST [FREQUENCIES] \
(e.g. ../shared/corpora corpus /usr/share/dict/dutch /tmp/wordfreq-nl.tsv)";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let [root, own, opentaal, rest @ ..] = args.as_slice() else {
        return Err(USAGE.into());
    };
    let frequencies = match rest {
        [] => None,
        [path] => Some(path),
        _ => return Err(USAGE.into()),
    };
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut files = Vec::new();
    collect(&root.join("nl-laws"), &["md"], &mut files)?;
    files.sort();
    let mut tokens = 0;
    for file in &files {
        tokens += count(&std::fs::read_to_string(file)?, false, &mut counts);
    }
    let papers = root.join("sgd-kamerstukken.jsonl");
    let reader = io::BufReader::new(std::fs::File::open(&papers)?);
    let mut papers_read = 0;
    for line in reader.lines() {
        let value: serde_json::Value = serde_json::from_str(&line?)?;
        if let Some(content) = value.get("Content").and_then(|c| c.as_str()) {
            tokens += count(content, true, &mut counts);
            papers_read += 1;
        }
    }
    counts.retain(|_, n| *n >= MIN_COUNT);
    let mut own_files = Vec::new();
    collect(own, &["txt", "md"], &mut own_files)?;
    own_files.sort();
    for file in &own_files {
        tokens += count(&std::fs::read_to_string(file)?, false, &mut counts);
    }
    let from_text = counts.len();

    let listed: HashSet<String> = std::fs::read_to_string(opentaal)?
        .lines()
        .map(str::trim)
        .filter(|w| is_word(w) && !w.chars().any(char::is_uppercase))
        .map(str::to_string)
        .collect();
    let mut frequency_words = 0;
    if let Some(path) = frequencies {
        let text = std::fs::read_to_string(path)?;
        let rows: Vec<(&str, u64)> = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (word, n) = line.trim().split_once(['\t', ' '])?;
                Some((word, n.trim().parse().ok()?))
            })
            .collect();
        let total: u64 = rows.iter().map(|(_, n)| n).sum();
        for (word, n) in rows {
            let word = word.to_lowercase();
            if n == 0 || !is_word(&word) {
                continue;
            }
            // Only OpenTaal's words: what the list has beyond them is mostly English and names
            // ("and", "place"), which would make compound parts of stray words ("bestand" is not
            // best + and). And only words the text has not seen MIN_COUNT times: the subtitles'
            // "best", "ding" and "mijn" would outweigh "bestrijding" and "termijn" as wholes.
            let seen = counts.get(&word).copied().unwrap_or(0);
            if listed.contains(&word) && seen < MIN_COUNT {
                // n / total of the list's words, as a count in text the size of `tokens`.
                let scaled =
                    (u128::from(n) * u128::from(tokens)).div_ceil(u128::from(total.max(1)));
                let scaled = u64::try_from(scaled)?.max(SEEN_IN_FREQUENCIES);
                counts.insert(word, scaled.max(seen));
                frequency_words += 1;
            }
        }
    }
    let mut listed_only = 0;
    for word in &listed {
        counts.entry(word.clone()).or_insert_with(|| {
            listed_only += 1;
            1
        });
    }

    let mut rows: Vec<(String, u64)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    writeln!(out, "# Dutch word frequencies for horizon (word<TAB>count; a word alone counts 1), made by src/bin/horizon-wordlist.rs.")?;
    writeln!(out, "# {} words. Words: OpenTaal's list ({} entries in lower-case letters, {} of them in none of the sources below:", rows.len(), listed.len(), listed_only)?;
    writeln!(out, "# count 1), {}, BSD or CC BY 3.0 (see LICENSE-OpenTaal.txt); and the words of the texts below.", opentaal.display())?;
    writeln!(
        out,
        "# Counts: {} laws and policy rules (nl-laws) and {papers_read} parliamentary papers (sgd-kamerstukken), public",
        files.len()
    )?;
    writeln!(
        out,
        "# domain (art. 11 Auteurswet), words seen >= {MIN_COUNT} times, plus every word of the {} documents of the project's",
        own_files.len()
    )?;
    writeln!(
        out,
        "# corpus: {from_text} words, {tokens} words of running text."
    )?;
    if let Some(path) = frequencies {
        writeln!(out, "# Plus, for the {frequency_words} words of OpenTaal's that these texts have fewer than {MIN_COUNT} times, their counts in {},", path.display())?;
        writeln!(
            out,
            "# scaled to that size, rounded up, at least {SEEN_IN_FREQUENCIES}:"
        )?;
        for line in std::fs::read_to_string(path)?.lines() {
            match line.strip_prefix('#') {
                Some(about) => writeln!(out, "#{about}")?,
                None => break,
            }
        }
    }
    for (word, n) in rows {
        if n == 1 {
            writeln!(out, "{word}")?;
        } else {
            writeln!(out, "{word}\t{n}")?;
        }
    }
    Ok(())
}

/// A word the list may hold: letters only, at most `MAX_LEN` of them.
fn is_word(word: &str) -> bool {
    !word.is_empty() && word.chars().count() <= MAX_LEN && word.chars().all(char::is_alphabetic)
}

fn collect(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, extensions, out)?;
        } else if path
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Counts the words of `text` into `counts`; returns how many it counted.
fn count(text: &str, ocr: bool, counts: &mut HashMap<String, u64>) -> u64 {
    let mut counted = 0;
    let text = text.replace('\u{ad}', "");
    let text = text.as_str();
    for (offset, word) in words(text) {
        if word.chars().count() > MAX_LEN || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        let end = offset + word.len();
        let rest = text[end..].trim_start_matches(['\u{ad}', '¬']);
        let line_end_fragment =
            rest.starts_with("-\n") || rest.starts_with("- \n") || text[..offset].ends_with("-\n");
        let touches_hyphen = rest.starts_with(['-', '¬']) || text[..offset].ends_with(['-', '¬']);
        if line_end_fragment || (ocr && touches_hyphen) {
            continue;
        }
        counted += 1;
        let lower = word.to_lowercase();
        match counts.get_mut(&lower) {
            Some(n) => *n += 1,
            None => {
                counts.insert(lower, 1);
            }
        }
    }
    counted
}
