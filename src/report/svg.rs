//! Hand-built SVG charts: a heat map and a line chart. Sequential colours run light to dark (they
//! read in greyscale and for colour-blind readers); lines differ in dash and marker as well as in
//! colour (Okabe-Ito palette). Every drawn number also sits in a `data-` attribute, exact.

use std::fmt::Write;

use super::escape;

/// Text styles inside each drawing, so a chart pasted on its own looks as it does in the report.
const STYLE: &str = "<style>text{font-family:'DejaVu Sans',Arial,sans-serif}.axis{font-size:13px;fill:#333}.value{font-size:13px}.legend{font-size:13px;fill:#222}.note{font-size:12px;fill:#555}</style>";

/// Okabe-Ito colours, distinguishable for the common colour blindnesses.
const LINE_COLOURS: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
];
const DASHES: [&str; 7] = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4"];

/// A heat map: rows x columns of values, with the value printed in each cell.
pub fn heat_map(
    title: &str,
    rows: &[String],
    columns: &[String],
    values: &[Vec<f64>],
    unit: &str,
) -> String {
    let label_width = 330.0;
    let cell_w = 150.0;
    let cell_h = 28.0;
    let top = 56.0;
    let width = label_width + cell_w * columns.len() as f64 + 20.0;
    let height = top + cell_h * rows.len() as f64 + 40.0;
    let max = values.iter().flatten().cloned().fold(0.0_f64, f64::max);
    let mut svg = open("heat-map", width, height, title);
    for (c, column) in columns.iter().enumerate() {
        let x = label_width + cell_w * (c as f64 + 0.5);
        let _ = write!(
            svg,
            r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle" class="axis">{}</text>"#,
            top - 14.0,
            escape(column)
        );
    }
    for (r, row) in rows.iter().enumerate() {
        let y = top + cell_h * r as f64;
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" class="axis">{}</text>"#,
            label_width - 10.0,
            y + cell_h * 0.65,
            escape(row)
        );
        for (c, value) in values[r].iter().enumerate() {
            let x = label_width + cell_w * c as f64;
            let share = if max > 0.0 { value / max } else { 0.0 };
            let (fill, ink) = sequential(share);
            let _ = write!(
                svg,
                r#"<rect class="cell" x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{fill}" stroke="white" data-row="{}" data-column="{}" data-value="{value}"><title>{}: {} {value:.1} {}</title></rect>"#,
                cell_w - 2.0,
                cell_h - 2.0,
                escape(row),
                escape(&columns[c]),
                escape(row),
                escape(&columns[c]),
                escape(unit)
            );
            let _ = write!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" class="value" fill="{ink}">{}</text>"#,
                x + cell_w / 2.0 - 1.0,
                y + cell_h * 0.65,
                dutch(*value, 1)
            );
        }
    }
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" class="note">{}</text>"#,
        label_width,
        height - 12.0,
        escape(unit)
    );
    svg.push_str("</svg>");
    svg
}

/// A line chart of several series over the same categories (editions in date order).
pub fn line_chart(
    title: &str,
    categories: &[String],
    series: &[(String, Vec<f64>)],
    unit: &str,
) -> String {
    let (width, height) = (960.0, 420.0);
    let (left, right, top, bottom) = (70.0, 300.0, 30.0, 60.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let max = series
        .iter()
        .flat_map(|(_, v)| v.iter().cloned())
        .fold(0.0_f64, f64::max);
    let max = nice_ceiling(max);
    let x_of = |i: usize| {
        if categories.len() <= 1 {
            left + plot_w / 2.0
        } else {
            left + plot_w * i as f64 / (categories.len() - 1) as f64
        }
    };
    let y_of = |v: f64| top + plot_h - if max > 0.0 { plot_h * v / max } else { 0.0 };
    let mut svg = open("line-chart", width, height, title);
    let _ = write!(
        svg,
        r#"<rect x="0" y="0" width="{width:.0}" height="{height:.0}" fill="white"/>"#
    );
    for step in 0..=4 {
        let v = max * step as f64 / 4.0;
        let y = y_of(v);
        let _ = write!(
            svg,
            r##"<line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#dddddd"/>"##,
            left + plot_w
        );
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" class="axis">{}</text>"#,
            left - 8.0,
            y + 4.0,
            dutch(v, 1)
        );
    }
    for (i, category) in categories.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" class="axis">{}</text>"#,
            x_of(i),
            top + plot_h + 22.0,
            escape(category)
        );
    }
    let _ = write!(
        svg,
        r#"<text x="14" y="{:.1}" class="axis" transform="rotate(-90 14 {:.1})" text-anchor="middle">{}</text>"#,
        top + plot_h / 2.0,
        top + plot_h / 2.0,
        escape(unit)
    );
    for (s, (name, values)) in series.iter().enumerate() {
        let colour = LINE_COLOURS[s % LINE_COLOURS.len()];
        let dash = DASHES[s % DASHES.len()];
        let points: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{:.1},{:.1}", x_of(i), y_of(*v)))
            .collect();
        let _ = write!(
            svg,
            r#"<polyline class="series" data-series="{}" points="{}" fill="none" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}"/>"#,
            escape(name),
            points.join(" ")
        );
        for (i, v) in values.iter().enumerate() {
            let _ = write!(
                svg,
                "{}",
                marker(s, x_of(i), y_of(*v), colour, name, &categories[i], *v)
            );
        }
        let ly = top + 18.0 + 24.0 * s as f64;
        let lx = left + plot_w + 24.0;
        let _ = write!(
            svg,
            r#"<line x1="{lx:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}"/>"#,
            lx + 34.0
        );
        let _ = write!(
            svg,
            "{}",
            marker(s, lx + 17.0, ly, colour, name, "", f64::NAN)
        );
        let short: String = if name.chars().count() > 32 {
            name.chars().take(31).chain(['…']).collect()
        } else {
            name.clone()
        };
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" class="legend">{}</text>"#,
            lx + 42.0,
            ly + 4.0,
            escape(&short)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A marker of a shape per series: circle, square, triangle, diamond, ...
/// The opening of every chart: its size, its accessible name and the shared style sheet.
fn open(class: &str, width: f64, height: f64, title: &str) -> String {
    let title = escape(title);
    format!(
        r#"<svg class="chart {class}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" role="img" aria-label="{title}"><title>{title}</title>{STYLE}"#
    )
}

fn marker(
    series: usize,
    x: f64,
    y: f64,
    colour: &str,
    name: &str,
    category: &str,
    value: f64,
) -> String {
    let data = if value.is_nan() {
        String::new()
    } else {
        format!(
            r#" class="point" data-series="{}" data-category="{}" data-value="{value}""#,
            escape(name),
            escape(category)
        )
    };
    let tip = if value.is_nan() {
        String::new()
    } else {
        format!(
            "<title>{}, {}: {}</title>",
            escape(name),
            escape(category),
            dutch(value, 2)
        )
    };
    match series % 4 {
        0 => {
            format!(r#"<circle{data} cx="{x:.1}" cy="{y:.1}" r="5" fill="{colour}">{tip}</circle>"#)
        }
        1 => format!(
            r#"<rect{data} x="{:.1}" y="{:.1}" width="9" height="9" fill="{colour}">{tip}</rect>"#,
            x - 4.5,
            y - 4.5
        ),
        2 => format!(
            r#"<polygon{data} points="{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{colour}">{tip}</polygon>"#,
            y - 6.0,
            x - 5.5,
            y + 4.5,
            x + 5.5,
            y + 4.5
        ),
        _ => format!(
            r#"<polygon{data} points="{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}" fill="white" stroke="{colour}" stroke-width="2">{tip}</polygon>"#,
            y - 6.0,
            x + 6.0,
            y + 6.0,
            x - 6.0
        ),
    }
}

/// A colour from light to dark blue for a share in 0..=1, and the ink that reads on it.
fn sequential(share: f64) -> (String, &'static str) {
    let share = share.clamp(0.0, 1.0);
    let light = (247.0, 251.0, 255.0);
    let dark = (8.0, 48.0, 107.0);
    let mix = |a: f64, b: f64| (a + (b - a) * share).round() as u8;
    let fill = format!(
        "#{:02x}{:02x}{:02x}",
        mix(light.0, dark.0),
        mix(light.1, dark.1),
        mix(light.2, dark.2)
    );
    (fill, if share > 0.55 { "#ffffff" } else { "#111111" })
}

/// A drawing as a PNG at twice its size, its text set in the system's fonts (DejaVu Sans where
/// installed).
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        ..usvg::Options::default()
    };
    options.fontdb_mut().load_system_fonts();
    let tree = usvg::Tree::from_str(svg, &options).map_err(|err| err.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width() * 2, size.height() * 2)
        .ok_or("the chart has no size")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(2.0, 2.0),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|err| err.to_string())
}

/// The smallest of 1, 2, 5 x 10^n at or above `value`.
fn nice_ceiling(value: f64) -> f64 {
    if value <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|c| *c >= value)
        .unwrap_or(10.0 * magnitude)
}

/// A number as Dutch readers write it: a decimal comma.
pub fn dutch(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}").replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_carry_exact_values_and_dutch_labels() {
        let map = heat_map(
            "Thema's",
            &["Polarisatie tegengaan".into()],
            &["NVS 2019".into()],
            &[vec![54.507]],
            "per 10.000 woorden",
        );
        assert!(map.contains(r#"data-value="54.507""#));
        assert!(map.contains(">54,5<"));
        let chart = line_chart(
            "Rusland",
            &["NVS 2019".into(), "NVS 2021".into()],
            &[("Rusland".into(), vec![0.0, 11.8])],
            "per 10.000 woorden",
        );
        assert_eq!(chart.matches(r#"class="point""#).count(), 2);
        assert!(chart.contains(r#"data-value="11.8""#));
        assert_eq!(nice_ceiling(11.8), 20.0);
        assert_eq!(sequential(0.0).0, "#f7fbff");
        assert_eq!(dutch(11.8, 2), "11,80");
        let picture = png(&chart).unwrap();
        assert!(picture.starts_with(b"\x89PNG"));
    }
}
