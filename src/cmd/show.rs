//! `horizon show`: one passage in its document: the headings above it, the passages around it, its
//! pages and lines, the lexicon entries it mentions, and the file it came from. For people a page to
//! read; for the data formats one row per passage shown, through the export path.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::cli::ShowConfig;
use crate::export::{Column, Format, Table};
use crate::index::{DocumentMeta, HorizonIndex, PassageRecord};

/// Lines of passage text in the human view are wrapped at this many characters.
const WRAP: usize = 100;

/// A passage with the passages around it and the document it is from.
pub(crate) struct Neighbourhood {
    /// `before`, `passage` or `after`, with the passage, in document order.
    pub shown: Vec<(&'static str, PassageRecord)>,
    pub source: Option<DocumentMeta>,
}

/// The passage `id` and `context` passages each side; `Ok(Err(why))` when there is no such passage.
pub(crate) fn neighbourhood(
    index: &HorizonIndex,
    id: &str,
    context: usize,
) -> anyhow::Result<Result<Neighbourhood, String>> {
    let Some((doc, number)) = id
        .rsplit_once('#')
        .and_then(|(doc, n)| Some((doc, n.parse::<u64>().ok().filter(|n| *n > 0)?)))
    else {
        return Ok(Err(format!(
            "{id:?} is not a passage id; write it as search and passages show it, e.g. nvs-midterm-review-2021#54"
        )));
    };
    let passages = index.document_passages(doc)?;
    if passages.is_empty() {
        return Ok(Err(format!(
            "no document {doc:?} in the index; `horizon passages` lists the passages of every document"
        )));
    }
    let Some(at) = passages.iter().position(|p| p.position + 1 == number) else {
        return Ok(Err(format!(
            "document {doc:?} has passages #1 to #{}; there is no #{number}",
            passages.len()
        )));
    };
    let source = index.meta.documents.iter().find(|d| d.id == doc).cloned();
    let from = at.saturating_sub(context);
    let to = (at + context + 1).min(passages.len());
    let shown = passages
        .into_iter()
        .enumerate()
        .skip(from)
        .take(to - from)
        .map(|(i, p)| {
            let role = match i.cmp(&at) {
                std::cmp::Ordering::Less => "before",
                std::cmp::Ordering::Equal => "passage",
                std::cmp::Ordering::Greater => "after",
            };
            (role, p)
        })
        .collect();
    Ok(Ok(Neighbourhood { shown, source }))
}

pub fn run(config: &ShowConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let found = match neighbourhood(&index, &config.passage, config.context)? {
        Ok(found) => found,
        Err(why) => bail!(why),
    };
    let source = found.source.as_ref();
    let shown: Vec<(&str, &PassageRecord)> = found.shown.iter().map(|(r, p)| (*r, p)).collect();
    if config.output.format == Format::Table {
        let mut page = Vec::new();
        render(&mut page, &shown, source).context("cannot lay out the passage")?;
        match &config.output.path {
            Some(path) => std::fs::write(path, page)
                .with_context(|| format!("cannot write {}", path.display()))?,
            None => std::io::stdout().lock().write_all(&page)?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(
        [
            "role",
            "passage",
            "doc",
            "series",
            "edition",
            "date",
            "position",
            "pages",
            "lines",
            "words",
            "theme",
            "theme_label",
            "part",
            "section",
            "footnote",
            "notes",
            "mentions",
            "file",
            "title",
            "url",
            "text",
        ]
        .into_iter()
        .map(Column::new)
        .collect(),
    );
    for (role, record) in shown {
        let field = |get: fn(&DocumentMeta) -> &String| source.map(get).cloned();
        let (pages, lines) = (record.pages(), record.lines());
        table.push(vec![
            role.into(),
            record.passage.clone().into(),
            record.doc.clone().into(),
            record.series.clone().into(),
            record.edition.clone().into(),
            record.date.clone().into(),
            record.position.into(),
            pages.into(),
            lines.into(),
            record.words.into(),
            record.theme.clone().into(),
            record.theme_label.clone().into(),
            record.part.clone().into(),
            record.section.clone().into(),
            record.footnote.into(),
            record.notes.clone().into(),
            mentioned(record).join(" ").into(),
            field(|d| &d.file).into(),
            field(|d| &d.title).into(),
            field(|d| &d.url).into(),
            record.text.clone().into(),
        ]);
    }
    table.settings = super::settings(&index);
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}

/// The lexicon entries a passage mentions, each once, in order of first mention.
fn mentioned(record: &PassageRecord) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for mention in &record.mentions {
        if !out.contains(&mention.signal) {
            out.push(mention.signal.clone());
        }
    }
    out
}

/// The human view: where the passage comes from, then the passages in order, the one asked for
/// with its mentions marked `[...]`.
fn render(
    out: &mut Vec<u8>,
    shown: &[(&str, &PassageRecord)],
    source: Option<&DocumentMeta>,
) -> std::io::Result<()> {
    let Some((_, main)) = shown.iter().find(|(role, _)| *role == "passage") else {
        return Ok(());
    };
    writeln!(out, "{}", main.passage)?;
    if let Some(source) = source {
        writeln!(out, "  source   {}", source.file)?;
        if !source.title.is_empty() {
            writeln!(out, "  title    {}", source.title)?;
        }
        if !source.url.is_empty() {
            writeln!(out, "  url      {}", source.url)?;
        }
    }
    writeln!(out, "  series   {}", main.series)?;
    writeln!(out, "  edition  {} ({})", main.edition, main.date)?;
    if let Some(pages) = main.pages() {
        writeln!(out, "  pages    {pages}")?;
    }
    writeln!(out, "  lines    {}", main.lines())?;
    if !main.section.is_empty() {
        writeln!(out, "  under    {}", main.section)?;
    }
    if !main.theme.is_empty() {
        writeln!(
            out,
            "  theme    {} ({}, {})",
            main.theme_label, main.theme, main.part
        )?;
    }
    let mentions = mentioned(main);
    if !mentions.is_empty() {
        writeln!(out, "  mentions {}", mentions.join(", "))?;
    }
    for (role, record) in shown {
        writeln!(out)?;
        let at = match record.pages() {
            Some(pages) if pages.contains('-') => {
                format!("lines {}, pages {pages}", record.lines())
            }
            Some(pages) => format!("lines {}, page {pages}", record.lines()),
            None => format!("lines {}", record.lines()),
        };
        writeln!(out, "── {} {} ({at})", role, record.passage)?;
        let text = if *role == "passage" {
            marked(record)
        } else {
            record.text.clone()
        };
        for line in wrap(&text, WRAP) {
            writeln!(out, "   {line}")?;
        }
    }
    Ok(())
}

/// The passage text with each mention in `[brackets]`.
fn marked(record: &PassageRecord) -> String {
    record
        .mention_pieces()
        .into_iter()
        .map(|(text, signal)| match signal {
            Some(_) => format!("[{text}]"),
            None => text.to_string(),
        })
        .collect()
}

/// `text` in lines of at most `width` characters, broken at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_dutch_text_at_spaces_counting_characters() {
        let text =
            "Het risico van een uitbraak van een (ernstige) infectieziekte is reëel; één keer.";
        let lines = wrap(text, 30);
        assert_eq!(
            lines,
            [
                "Het risico van een uitbraak",
                "van een (ernstige)",
                "infectieziekte is reëel; één",
                "keer."
            ]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 30));
    }
}
