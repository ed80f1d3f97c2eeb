//! Layout: from positioned glyphs to text in reading order, as the repair stage reads it. Glyphs
//! become pieces of lines; the gutters between columns are found where no narrow piece of text
//! stands; pieces that cross a gutter (a running header, a full-width heading or paragraph) cut the
//! page into bands, each read column by column. Lines become paragraphs where the spacing widens,
//! a first line is indented, the type changes, or a sentence ends well short of the column's edge;
//! a line-end glyph without text no wider than a hyphen is a soft hyphen; a paragraph in larger or
//! bold type than the body is a heading, written `#` to `######` by its size; pages end in a form
//! feed. A PDF has no blank lines and no heading marks: this is where they come from.

/// One glyph as the reader gives it: its character, its box, and its type.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub c: char,
    /// Left edge and width, in points.
    pub x: f32,
    pub width: f32,
    /// Baseline, in points down from the top of the page.
    pub y: f32,
    pub size: f32,
    pub bold: bool,
}

/// A run of glyphs on one baseline, without a wide gap.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    /// Every letter is bold.
    bold: bool,
    letters: usize,
    /// The last glyph is one without text and no wider than a hyphen: at a line end, the hyphen
    /// of a broken word whose font gives its glyph no text (Typst's New Computer Modern).
    ends_in_lost_hyphen: bool,
    /// Band and column it was read in (set by [`read_order`]): a change of either is a break in
    /// the flow.
    region: (usize, usize),
}

/// A line of one column: a piece, or pieces of one baseline, with the region it was read in.
type Line = Piece;

/// The body type of a document: the size and weight most of its letters have.
#[derive(Debug, Clone, Copy)]
pub struct BodyType {
    pub size: f32,
    pub bold: bool,
}

/// The pages of a document, laid out: call [`Layout::page`] per page, then [`Layout::text`].
#[derive(Debug, Default)]
pub struct Layout {
    pages: Vec<Vec<Line>>,
}

impl Layout {
    /// Reads one page's glyphs (in the order the page draws them) into lines in reading order.
    pub fn page(&mut self, glyphs: &[Glyph]) {
        let pieces = merge_same_line(pieces(glyphs));
        let mut lines = read_order(pieces);
        for line in lines.iter_mut().filter(|l| l.ends_in_lost_hyphen) {
            if line.text.ends_with('\u{fffd}') {
                line.text.pop();
                line.text.push('\u{ad}');
            }
        }
        self.pages.push(lines);
    }

    /// The body type over all pages read so far.
    pub fn body(&self) -> BodyType {
        let mut sizes: Vec<(i32, bool, usize)> = Vec::new();
        for line in self.pages.iter().flatten() {
            let key = ((line.size * 2.0).round() as i32, line.bold);
            match sizes.iter_mut().find(|s| (s.0, s.1) == key) {
                Some(s) => s.2 += line.letters,
                None => sizes.push((key.0, key.1, line.letters)),
            }
        }
        sizes.iter().max_by_key(|s| s.2).map_or(
            BodyType {
                size: 10.0,
                bold: false,
            },
            |s| BodyType {
                size: s.0 as f32 / 2.0,
                bold: s.1,
            },
        )
    }

    /// The whole text: paragraphs apart by a blank line, headings as `#` lines, a form feed after
    /// each page.
    pub fn text(&self) -> String {
        let body = self.body();
        let levels = heading_sizes(&self.pages, body);
        let pitch = line_pitch(&self.pages);
        let mut out = String::new();
        for lines in &self.pages {
            write_page(lines, body, &levels, &pitch, &mut out);
            out.push('\x0c');
        }
        out
    }
}

/// Glyphs into pieces: a new piece where the baseline moves or a gap wider than a letter opens.
fn pieces(glyphs: &[Glyph]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut current: Option<Piece> = None;
    for glyph in glyphs {
        if glyph.size <= 0.0 || !glyph.x.is_finite() || !glyph.y.is_finite() {
            continue;
        }
        if let Some(piece) = current.as_mut() {
            let raised = glyph.size < piece.size * 0.85
                && glyph.y < piece.y
                && piece.y - glyph.y < piece.size * 0.6;
            let lowered_back = piece.size < glyph.size * 0.85
                && glyph.y > piece.y
                && glyph.y - piece.y < glyph.size * 0.6;
            let same_line = (glyph.y - piece.y).abs() < piece.size.min(glyph.size) * 0.3
                || raised
                || lowered_back;
            let gap = glyph.x - piece.x1;
            let near = gap < piece.size.max(glyph.size) * 1.0 && gap > -piece.size * 0.5;
            if same_line && near {
                let is_space = glyph.c.is_whitespace();
                if !is_space
                    && gap > piece.size.min(glyph.size) * 0.15
                    && !piece.text.ends_with(' ')
                {
                    piece.text.push(' ');
                }
                if lowered_back && !is_space {
                    // A note number set small before its text: "1Kamerstukken" reads "1 Kamerstukken".
                    if piece.text.chars().all(|c| c.is_ascii_digit()) && !piece.text.is_empty() {
                        piece.text.push(' ');
                    }
                    piece.y = glyph.y;
                    piece.size = glyph.size;
                }
                push_glyph(piece, glyph);
                continue;
            }
            out.extend(current.take());
        }
        if glyph.c.is_whitespace() {
            continue;
        }
        let mut piece = Piece {
            text: String::new(),
            x0: glyph.x,
            x1: glyph.x,
            y: glyph.y,
            size: glyph.size,
            bold: true,
            letters: 0,
            ends_in_lost_hyphen: false,
            region: (0, 0),
        };
        push_glyph(&mut piece, glyph);
        current = Some(piece);
    }
    out.extend(current);
    out.retain_mut(|p| {
        let trimmed = p.text.trim_end().len();
        p.text.truncate(trimmed);
        !p.text.is_empty()
    });
    out
}

impl Piece {
    /// Takes `other`, which follows on the same baseline, after a space.
    fn append(&mut self, other: &Piece) {
        self.text.push(' ');
        self.text.push_str(&other.text);
        self.x1 = self.x1.max(other.x1);
        self.bold &= other.bold || other.letters == 0;
        self.letters += other.letters;
        self.ends_in_lost_hyphen = other.ends_in_lost_hyphen;
    }
}

fn push_glyph(piece: &mut Piece, glyph: &Glyph) {
    if glyph.c.is_whitespace() {
        if !piece.text.ends_with(' ') {
            piece.text.push(' ');
        }
    } else {
        piece.text.push(glyph.c);
        piece.ends_in_lost_hyphen = glyph.c == '\u{fffd}' && glyph.width < glyph.size * 0.45;
        if glyph.c.is_alphanumeric() {
            piece.letters += 1;
            piece.bold &= glyph.bold;
        }
    }
    piece.x0 = piece.x0.min(glyph.x);
    piece.x1 = piece.x1.max(glyph.x + glyph.width.max(0.0));
}

/// Pieces on one baseline with a word's gap between them are one piece (a page may draw a line in
/// several strokes, or out of order).
fn merge_same_line(mut pieces: Vec<Piece>) -> Vec<Piece> {
    pieces.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let joined = out.iter_mut().rev().take(8).find(|p| {
            (p.y - piece.y).abs() < p.size.min(piece.size) * 0.3
                && piece.x0 >= p.x1 - p.size * 0.5
                && piece.x0 - p.x1 < p.size.max(piece.size) * 1.0
        });
        match joined {
            Some(p) => p.append(&piece),
            None => out.push(piece),
        }
    }
    out
}

/// A piece beside another across a gap: its baseline, size, left edge, and whether it stands right
/// of the gap.
type Row = (f32, f32, f32, bool);

/// The space between two columns: its x range, and the heights over which columns stand on both
/// sides of it.
#[derive(Debug, Clone, Copy)]
struct Gutter {
    x: (f32, f32),
    y: (f32, f32),
}

/// Gutters: x ranges between columns, where no narrow piece stands and narrow pieces stand side by
/// side to the left and the right.
fn gutters(pieces: &[Piece]) -> Vec<Gutter> {
    let (Some(left), Some(right)) = (
        pieces.iter().map(|p| p.x0).min_by(f32::total_cmp),
        pieces.iter().map(|p| p.x1).max_by(f32::total_cmp),
    ) else {
        return Vec::new();
    };
    let width = right - left;
    let narrow: Vec<&Piece> = pieces
        .iter()
        .filter(|p| p.x1 - p.x0 < width * 0.55)
        .collect();
    if narrow.len() < 6 || width <= 0.0 {
        return Vec::new();
    }
    let median_size = {
        let mut sizes: Vec<f32> = narrow.iter().map(|p| p.size).collect();
        sizes.sort_by(f32::total_cmp);
        sizes[sizes.len() / 2]
    };
    // The x ranges the narrow pieces cover, merged; the gaps between them are the candidates. (A
    // grid of points across the page would be as wide as a damaged file's coordinates are large.)
    let mut spans: Vec<(f32, f32)> = narrow.iter().map(|p| (p.x0, p.x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut gaps: Vec<(f32, f32)> = Vec::new();
    let mut reach = spans[0].1;
    for &(x0, x1) in &spans[1..] {
        if x0 > reach {
            gaps.push((reach, x0));
        }
        reach = reach.max(x1);
    }
    let mut out = Vec::new();
    for (g0, g1) in gaps {
        if g1 - g0 < median_size * 0.6 {
            continue;
        }
        let lefts: Vec<&&Piece> = narrow.iter().filter(|p| p.x1 <= g0 + 0.5).collect();
        let rights: Vec<&&Piece> = narrow.iter().filter(|p| p.x0 >= g1 - 0.5).collect();
        // Columns stand side by side: lines on either side that share their height with one on
        // the other, several rows deep. A header or footer row split left and right ("title" and
        // "Openbare versie | maart 2024") is beside something too, but one row deep, and a wide
        // gap from the columns: it bounds no gutter and is read across the page.
        // (baseline, size, left edge, on the right side) of each piece beside one on the other side.
        let beside = |side: &[&&Piece], other: &[&&Piece], right: bool| -> Vec<Row> {
            side.iter()
                .filter(|a| other.iter().any(|b| (b.y - a.y).abs() < a.size * 3.0))
                .map(|p| (p.y, p.size, p.x0, right))
                .collect()
        };
        let mut rows = beside(&lefts, &rights, false);
        rows.extend(beside(&rights, &lefts, true));
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut runs: Vec<Vec<Row>> = Vec::new();
        for row in rows {
            match runs.last_mut() {
                Some(run) if row.0 - run.last().expect("runs are not empty").0 <= row.1 * 2.5 => {
                    run.push(row)
                }
                _ => runs.push(vec![row]),
            }
        }
        let deep = |run: &Vec<Row>| {
            let mut heights: Vec<i32> = run.iter().map(|r| r.0.round() as i32).collect();
            heights.dedup();
            heights.len() >= 3
        };
        // Where the right-hand columns start. A shallow run with a right-hand piece starting there
        // too is more of the columns (footnotes under each column, their first lines indented); a
        // header whose right half is set flush right is not.
        let starts: Vec<f32> = runs
            .iter()
            .filter(|run| deep(run))
            .flat_map(|run| run.iter().filter(|r| r.3).map(|r| r.2))
            .collect();
        let aligned = |run: &Vec<Row>| {
            run.iter()
                .filter(|r| r.3)
                .any(|r| starts.iter().any(|s| (s - r.2).abs() < 2.0))
        };
        let columns: Vec<&Vec<Row>> = runs
            .iter()
            .filter(|run| deep(run) || !starts.is_empty() && aligned(run))
            .collect();
        if lefts.len() >= 3 && rights.len() >= 3 && !columns.is_empty() {
            let rows = columns.iter().flat_map(|run| run.iter());
            let (mut top, mut foot) = (
                rows.clone().map(|r| r.0 - r.1).fold(f32::MAX, f32::min),
                rows.map(|r| r.0).fold(f32::MIN, f32::max),
            );
            // A column that runs on past the other (a longer left column) keeps its pitch and
            // stays in; a footer a wide gap below does not.
            let mut sides: Vec<&&Piece> = lefts.iter().chain(&rights).copied().collect();
            sides.sort_by(|a, b| a.y.total_cmp(&b.y));
            for p in &sides {
                if p.y > foot && p.y - p.size <= foot + p.size * 1.5 {
                    foot = p.y;
                }
            }
            for p in sides.iter().rev() {
                if p.y - p.size < top && p.y >= top - p.size * 1.5 {
                    top = p.y - p.size;
                }
            }
            out.push(Gutter {
                x: (g0, g1),
                y: (top, foot),
            });
        }
    }
    out
}

/// Pieces in reading order: bands between the pieces that cross a gutter, each band column by
/// column, top to bottom; lines of one column and baseline joined.
fn read_order(pieces: Vec<Piece>) -> Vec<Line> {
    let gutters = gutters(&pieces);
    // A piece crosses the columns when it spans a gutter, or stands above or below all of them (a
    // footer under a table): either way it is read across the page, in its place.
    let crosses = |p: &Piece| {
        !gutters.is_empty()
            && (gutters.iter().any(|g| p.x0 < g.x.0 && p.x1 > g.x.1)
                || gutters
                    .iter()
                    .all(|g| p.y < g.y.0 - p.size * 0.5 || p.y - p.size > g.y.1 + p.size * 0.5))
    };
    let column = |p: &Piece| gutters.iter().filter(|g| p.x0 >= g.x.1 - 0.5).count();
    let mut spanners: Vec<&Piece> = pieces.iter().filter(|p| crosses(p)).collect();
    spanners.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut bands: Vec<Vec<&Piece>> = vec![Vec::new(); spanners.len() + 1];
    for piece in pieces.iter().filter(|p| !crosses(p)) {
        let band = spanners.partition_point(|s| s.y < piece.y);
        bands[band].push(piece);
    }
    let mut lines: Vec<Line> = Vec::new();
    // Spanners one after the other, with no columns between them, are one flow of text.
    let mut flow = 0;
    for (band, mut inside) in bands.into_iter().enumerate() {
        inside.sort_by(|a, b| {
            column(a)
                .cmp(&column(b))
                .then(a.y.total_cmp(&b.y))
                .then(a.x0.total_cmp(&b.x0))
        });
        if !inside.is_empty() {
            flow += 1;
        }
        for piece in inside {
            push_line(&mut lines, piece, (flow, column(piece)));
        }
        if let Some(spanner) = spanners.get(band) {
            if lines.last().is_some_and(|l| l.region.1 != usize::MAX) {
                flow += 1;
            }
            push_line(&mut lines, spanner, (flow, usize::MAX));
        }
    }
    lines
}

/// Adds a piece as a line, or to the last line where it stands on the same baseline of the same
/// column (cells of one table row).
fn push_line(lines: &mut Vec<Line>, piece: &Piece, region: (usize, usize)) {
    if let Some(last) = lines.last_mut() {
        if last.region == region && (last.y - piece.y).abs() < last.size.min(piece.size) * 0.3 {
            last.append(piece);
            return;
        }
    }
    lines.push(Line {
        bold: piece.bold && piece.letters > 0,
        region,
        ..piece.clone()
    });
}

/// Heading sizes larger than the body, largest first: their place is the heading's level.
fn heading_sizes(pages: &[Vec<Line>], body: BodyType) -> Vec<f32> {
    let mut sizes: Vec<f32> = Vec::new();
    for line in pages.iter().flatten() {
        if line.size >= body.size * 1.15
            && line.letters > 0
            && !sizes.iter().any(|s| (s - line.size).abs() < 0.5)
        {
            sizes.push(line.size);
        }
    }
    sizes.sort_by(|a, b| b.total_cmp(a));
    sizes.truncate(5);
    sizes
}

/// A paragraph being written: its lines in order.
struct Paragraph<'a> {
    lines: Vec<&'a Line>,
}

impl Paragraph<'_> {
    fn letters(&self) -> usize {
        self.lines.iter().map(|l| l.letters).sum()
    }

    /// The heading level, if the paragraph is a heading: larger than the body by its size's rank,
    /// or bold in a body that is not, one level below the smallest larger size.
    fn heading_level(&self, body: BodyType, levels: &[f32]) -> Option<usize> {
        let first = self.lines[0];
        let chars: usize = self.lines.iter().map(|l| l.text.chars().count()).sum();
        if self.lines.len() > 3 || chars > 200 || self.letters() < 2 {
            return None;
        }
        let text = self.lines.last()?.text.trim_end();
        if let Some(rank) = levels.iter().position(|s| (s - first.size).abs() < 0.5) {
            return Some(rank + 1);
        }
        let bold = self.lines.iter().all(|l| l.bold);
        let closes_sentence = text.ends_with(['.', ',', ';']);
        (bold
            && !body.bold
            && (first.size - body.size).abs() < body.size * 0.15
            && !closes_sentence
            && first
                .text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .then_some(levels.len() + 1)
    }
}

/// Writes one page: paragraphs apart by a blank line, headings on one `#` line.
fn write_page(
    lines: &[Line],
    body: BodyType,
    levels: &[f32],
    pitch: &[(f32, f32)],
    out: &mut String,
) {
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    // The right edge of each column's text, for telling a paragraph's short last line.
    let mut right: Vec<((usize, usize), f32)> = Vec::new();
    for line in lines {
        match right.iter_mut().find(|(r, _)| *r == line.region) {
            Some((_, x)) => *x = x.max(line.x1),
            None => right.push((line.region, line.x1)),
        }
    }
    for (i, line) in lines.iter().enumerate() {
        let breaks = match i.checked_sub(1).map(|j| &lines[j]) {
            None => true,
            Some(before) => {
                let edge = right
                    .iter()
                    .find(|(r, _)| *r == before.region)
                    .map_or(before.x1, |&(_, x)| x);
                breaks_between(before, line, pitch)
                    || ends_paragraph(before, edge) && starts_sentence(&line.text)
            }
        };
        match paragraphs.last_mut() {
            Some(paragraph) if !breaks => paragraph.lines.push(line),
            _ => paragraphs.push(Paragraph { lines: vec![line] }),
        }
    }
    for paragraph in &paragraphs {
        if !out.is_empty() && !out.ends_with("\n\n") && !out.ends_with('\x0c') {
            out.push('\n');
        }
        match paragraph.heading_level(body, levels) {
            Some(level) => {
                let text: Vec<&str> = paragraph.lines.iter().map(|l| l.text.trim()).collect();
                out.push_str(&"#".repeat(level.min(6)));
                out.push(' ');
                out.push_str(&join_heading(&text));
                out.push('\n');
            }
            None => {
                for (i, line) in paragraph.lines.iter().enumerate() {
                    if i == 0 && line.size < body.size * 0.9 {
                        out.push_str(&note_number_apart(&line.text));
                    } else {
                        out.push_str(&line.text);
                    }
                    out.push('\n');
                }
            }
        }
    }
}

/// A note in small type whose number is glued to its text ("1Kamerstukken II", set with a
/// superscript glyph on the same baseline) gets a space after the number, as notes are written.
fn note_number_apart(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    match text[digits..].chars().next() {
        Some(c) if (1..=2).contains(&digits) && c.is_uppercase() => {
            format!("{} {}", &text[..digits], &text[digits..])
        }
        _ => text.to_string(),
    }
}

/// A heading's lines on one line; a word broken at a line end is joined.
fn join_heading(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        if out.ends_with('\u{ad}') {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// The usual distance between the baselines of consecutive lines of one column, per type size,
/// over the whole document: the most common step, so that a tight table or a loose page does not
/// set it.
fn line_pitch(pages: &[Vec<Line>]) -> Vec<(f32, f32)> {
    let mut by_size: Vec<(f32, Vec<(i32, usize)>)> = Vec::new();
    for lines in pages {
        for pair in lines.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let step = b.y - a.y;
            if a.region != b.region || (a.size - b.size).abs() >= 0.5 || step <= 0.0 {
                continue;
            }
            let key = (step * 2.0).round() as i32;
            let steps = match by_size.iter_mut().find(|(s, _)| (s - a.size).abs() < 0.5) {
                Some((_, steps)) => steps,
                None => {
                    by_size.push((a.size, Vec::new()));
                    &mut by_size.last_mut().expect("just pushed").1
                }
            };
            match steps.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => steps.push((key, 1)),
            }
        }
    }
    by_size
        .into_iter()
        .filter_map(|(size, steps)| {
            let (key, _) = steps.into_iter().max_by_key(|&(k, n)| (n, -k))?;
            Some((size, key as f32 / 2.0))
        })
        .collect()
}

/// A line that closes a sentence well short of its column's right edge: a paragraph's last line.
fn ends_paragraph(line: &Line, right_edge: f32) -> bool {
    let width = right_edge - line.x0;
    line.text.trim_end().ends_with(['.', '!', '?', ':'])
        && width > line.size * 10.0
        && right_edge - line.x1 > width * 0.15
}

fn starts_sentence(text: &str) -> bool {
    text.trim_start().chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '•' | '–' | '-' | '‘' | '“' | '"' | '(')
    })
}

/// Whether a paragraph ends between two lines read one after the other.
fn breaks_between(before: &Line, line: &Line, pitch: &[(f32, f32)]) -> bool {
    if before.region != line.region {
        return true;
    }
    if (before.size - line.size).abs() > before.size * 0.1 || before.bold != line.bold {
        return true;
    }
    let usual = pitch
        .iter()
        .find(|(s, _)| (s - line.size).abs() < 0.5)
        .map_or(line.size * 1.25, |&(_, p)| p);
    let step = line.y - before.y;
    if step > usual * 1.4 || step < 0.0 {
        return true;
    }
    // A first line indented against the line before it.
    line.x0 > before.x0 + line.size * 0.8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` set from `x` on baseline `y` in a type of `size` points.
    fn set(text: &str, x: f32, y: f32, size: f32, bold: bool) -> Vec<Glyph> {
        let advance = size * 0.5;
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                c,
                x: x + i as f32 * advance,
                width: advance,
                y,
                size,
                bold,
            })
            .collect()
    }

    fn page(lines: &[(&str, f32, f32, f32, bool)]) -> String {
        let glyphs: Vec<Glyph> = lines
            .iter()
            .flat_map(|&(t, x, y, s, b)| set(t, x, y, s, b))
            .collect();
        let mut layout = Layout::default();
        layout.page(&glyphs);
        layout.text()
    }

    #[test]
    fn two_columns_read_left_then_right_under_a_full_width_header() {
        let mut lines = vec![(
            "Dreigingsbeeld Statelijke Actoren 2024 openbare versie maart 2024 en verder",
            50.0,
            40.0,
            10.0,
            false,
        )];
        let left = [
            "Rusland zet in op",
            "desinformatie en",
            "beïnvloeding van",
            "de samenleving.",
        ];
        let right = [
            "China richt zich",
            "op kennis en de",
            "economische veilig-",
            "heid van Nederland.",
        ];
        for (i, (l, r)) in left.iter().zip(right).enumerate() {
            let y = 100.0 + i as f32 * 12.0;
            lines.push((l, 50.0, y, 10.0, false));
            lines.push((r, 200.0, y, 10.0, false));
        }
        let text = page(&lines);
        let rusland = text.find("Rusland").unwrap();
        let samenleving = text.find("de samenleving.").unwrap();
        let china = text.find("China").unwrap();
        assert!(text.find("Dreigingsbeeld").unwrap() < rusland);
        assert!(rusland < samenleving && samenleving < china, "{text}");
        assert!(
            text.contains("economische veilig-\nheid van Nederland."),
            "{text}"
        );
        assert!(text.ends_with('\x0c'));
    }

    #[test]
    fn coordinates_of_a_damaged_file_cost_no_memory() {
        // Found by the fuzz bench: a mutated PDF put glyphs 2e13 points apart, and a grid of points
        // across the page asked for 21 TB.
        let mut lines = Vec::new();
        for i in 0..4 {
            let y = 100.0 + i as f32 * 12.0;
            lines.push(("Rusland zet in op desinformatie", 50.0, y, 10.0, false));
            lines.push(("China richt zich op kennis", 2.0e13, y, 10.0, false));
        }
        let text = page(&lines);
        assert_eq!(text.matches("Rusland").count(), 4);
        assert_eq!(text.matches("China").count(), 4);
    }

    #[test]
    fn headings_by_size_and_weight_get_levels() {
        let text = page(&[
            ("Statelijke dreigingen tegengaan", 50.0, 50.0, 16.0, true),
            ("Ontwikkeling van de dreiging", 50.0, 80.0, 10.0, true),
            (
                "De weerbaarheid van Nederland neemt toe.",
                50.0,
                100.0,
                10.0,
                false,
            ),
            (
                "Het kabinet investeert in cyberveiligheid.",
                50.0,
                112.0,
                10.0,
                false,
            ),
            (
                "Daarnaast blijft samenwerking in de EU nodig.",
                50.0,
                124.0,
                10.0,
                false,
            ),
        ]);
        assert!(
            text.starts_with("# Statelijke dreigingen tegengaan\n"),
            "{text}"
        );
        assert!(
            text.contains("\n## Ontwikkeling van de dreiging\n"),
            "{text}"
        );
        assert!(
            text.contains("\n\nDe weerbaarheid van Nederland neemt toe.\n"),
            "{text}"
        );
        assert!(!text.contains("# De weerbaarheid"), "{text}");
    }

    #[test]
    fn spacing_and_indents_make_paragraphs() {
        let text = page(&[
            (
                "Onze openheid brengt ons veel en maakt ons",
                50.0,
                100.0,
                10.0,
                false,
            ),
            ("kwetsbaar tegelijk.", 50.0, 112.0, 10.0, false),
            (
                "Covid-19 heeft bovendien een katalyserende",
                62.0,
                124.0,
                10.0,
                false,
            ),
            (
                "werking op maatschappelijk ongenoegen.",
                50.0,
                136.0,
                10.0,
                false,
            ),
            (
                "Al met al stellen de dreigingen Nederland",
                50.0,
                160.0,
                10.0,
                false,
            ),
            ("voor een forse uitdaging.", 50.0, 172.0, 10.0, false),
        ]);
        let paragraphs: Vec<&str> = text.trim_end_matches('\x0c').split("\n\n").collect();
        assert_eq!(paragraphs.len(), 3, "{text}");
        assert!(paragraphs[1].starts_with("Covid-19"));
    }

    #[test]
    fn raised_note_numbers_stay_in_their_line() {
        let mut glyphs = set("veiligheid", 50.0, 100.0, 10.0, false);
        glyphs.extend(set("4", 100.0, 96.0, 6.0, false));
        glyphs.extend(set(" op de korte termijn", 103.0, 100.0, 10.0, false));
        let mut layout = Layout::default();
        layout.page(&glyphs);
        assert_eq!(layout.text(), "veiligheid4 op de korte termijn\n\x0c");
        // A note's own number, set small before its text, is apart from it.
        let mut glyphs = set("1", 50.0, 96.0, 6.0, false);
        glyphs.extend(set(
            "Kamerstukken II 2020/21, 30821, nr. 125.",
            53.0,
            100.0,
            8.0,
            false,
        ));
        let mut layout = Layout::default();
        layout.page(&glyphs);
        assert!(
            layout.text().starts_with("1 Kamerstukken II"),
            "{}",
            layout.text()
        );
    }
}
