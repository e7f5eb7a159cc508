//! Charts drawn as SVG from the memo's [`Chart`]s: axes with round ticks and labels, a
//! legend, a muted palette. The PDF embeds them as images; the app can show them as is.
//!
//! Every label is escaped for XML, so a series named `<b>` is drawn as typed.

use std::fmt::Write;

use crate::document::{Chart, ChartKind, Lang};

/// The drawing's size in SVG user units (points once placed at 100%).
const WIDTH: f64 = 640.0;
/// The height of bar and line charts; horizontal bars take what their categories need.
const HEIGHT: f64 = 330.0;
/// Font sizes for tick labels and axis titles.
const TICK_SIZE: f64 = 10.0;
const LABEL_SIZE: f64 = 10.5;
/// Families the PDF is set in, so the chart's text matches the page around it.
const FONT_FAMILY: &str =
    "Libertinus Serif, Noto Serif CJK SC, Noto Sans CJK SC, Source Han Serif SC, sans-serif";
/// Muted colours, one per series, in order.
const PALETTE: [&str; 6] = [
    "#2B4C6F", "#6F9BAA", "#C49A4A", "#8A8D91", "#A4584B", "#7D9A6A",
];
const INK: &str = "#333333";
const GRID: &str = "#E3E3E3";
const AXIS: &str = "#8C8C8C";

/// Draws `chart` with its labels in `lang` (for [`Lang::EnZh`], both on one line).
pub fn chart_svg(chart: &Chart, lang: Lang) -> String {
    let mut svg = String::new();
    let height = match chart.kind {
        ChartKind::HorizontalBars => {
            (90.0 + 30.0 * chart.categories.len() as f64).clamp(170.0, HEIGHT)
        }
        ChartKind::Bars | ChartKind::Lines => HEIGHT,
    };
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{}" fill="{INK}">"#,
        escape(FONT_FAMILY)
    );
    let legend_bottom = legend(&mut svg, chart, lang);
    match chart.kind {
        ChartKind::HorizontalBars => {
            // Room for the category axis' title, drawn above the labels.
            horizontal_bars(&mut svg, chart, lang, legend_bottom + 16.0, height)
        }
        ChartKind::Bars | ChartKind::Lines => vertical(&mut svg, chart, lang, legend_bottom),
    }
    svg.push_str("</svg>");
    svg
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Round tick values covering `lo..=hi`, about `target` intervals, steps of 1, 2, 2.5 or
/// 5 times a power of ten.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 1.0)
    };
    let (lo, hi) = if hi - lo < f64::EPSILON * hi.abs().max(1.0) {
        if lo == 0.0 {
            (0.0, 1.0)
        } else {
            (lo.min(0.0), hi.max(0.0))
        }
    } else {
        (lo, hi)
    };
    let (lo, hi) = if hi - lo <= 0.0 {
        (lo - 1.0, hi + 1.0)
    } else {
        (lo, hi)
    };
    let step = nice_step((hi - lo) / target.max(1) as f64);
    let first = (lo / step + 1e-9).floor();
    let last = (hi / step - 1e-9).ceil();
    let count = (last - first).max(1.0) as usize;
    (0..=count)
        .map(|i| {
            let v = (first + i as f64) * step;
            // Snap away float noise (0.6000000000000001) and negative zero.
            let scale = 10f64.powi((1.0 - step.log10().floor()).clamp(0.0, 12.0) as i32);
            let snapped = (v * scale).round() / scale;
            if snapped == 0.0 { 0.0 } else { snapped }
        })
        .collect()
}

fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    let residual = raw / magnitude;
    let nice = if residual <= 1.0 {
        1.0
    } else if residual <= 2.0 {
        2.0
    } else if residual <= 2.5 {
        2.5
    } else if residual <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// A tick value with thousands separators and only the decimals its step needs.
pub fn tick_label(value: f64, step: f64) -> String {
    // The fewest decimals that show the step exactly (0.25 needs two).
    let decimals = (0..6)
        .find(|d| {
            let scaled = step.abs() * 10f64.powi(*d);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6) as usize;
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let grouped = crate::content::format::group(int);
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "\u{2212}"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A rough width of `text` at `size`: CJK glyphs are square, Latin ones about half that.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.52 })
        .sum::<f64>()
        * size
}

/// The legend across the top; returns the y where the plot may start.
fn legend(svg: &mut String, chart: &Chart, lang: Lang) -> f64 {
    if chart.series.len() < 2 && chart.kind == ChartKind::HorizontalBars {
        return 8.0;
    }
    let (mut x, mut y) = (0.0, 6.0);
    for (i, series) in chart.series.iter().enumerate() {
        let name = series.name.get(lang);
        let width = 14.0 + text_width(&name, TICK_SIZE) + 18.0;
        if x > 0.0 && x + width > WIDTH {
            x = 0.0;
            y += 16.0;
        }
        let colour = PALETTE[i % PALETTE.len()];
        if chart.kind == ChartKind::Lines {
            let _ = write!(
                svg,
                r#"<line x1="{x}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{colour}" stroke-width="2.2"/>"#,
                y + 5.0,
                x + 12.0,
                y + 5.0
            );
        } else {
            let _ = write!(
                svg,
                r#"<rect x="{x}" y="{y}" width="10" height="10" fill="{colour}"/>"#
            );
        }
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" font-size="{TICK_SIZE}">{}</text>"#,
            x + 15.0,
            y + 9.0,
            escape(&name)
        );
        x += width;
    }
    y + 26.0
}

fn values(chart: &Chart) -> impl Iterator<Item = f64> + '_ {
    chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .filter(|v| v.is_finite())
}

fn value_of(chart: &Chart, series: usize, category: usize) -> f64 {
    chart
        .series
        .get(series)
        .and_then(|s| s.values.get(category))
        .copied()
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}

/// The value axis' ticks; bars always start at 0.
fn value_ticks(chart: &Chart) -> Vec<f64> {
    let lo = values(chart).fold(f64::INFINITY, f64::min);
    let hi = values(chart).fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    let (lo, hi) = match chart.kind {
        ChartKind::Lines if lo > 0.0 && lo > 0.6 * hi => (lo, hi),
        _ => (lo.min(0.0), hi.max(0.0)),
    };
    nice_ticks(lo, hi, 5)
}

fn span(ticks: &[f64]) -> (f64, f64) {
    let lo = ticks.first().copied().unwrap_or(0.0);
    let hi = ticks.last().copied().unwrap_or(1.0);
    if hi > lo { (lo, hi) } else { (lo, lo + 1.0) }
}

fn step_of(ticks: &[f64]) -> f64 {
    match ticks {
        [a, b, ..] => b - a,
        _ => 1.0,
    }
}

/// Bars and lines: categories along the bottom, values up the left.
fn vertical(svg: &mut String, chart: &Chart, lang: Lang, top: f64) {
    let ticks = value_ticks(chart);
    let (lo, hi) = span(&ticks);
    let step = step_of(&ticks);
    let tick_texts: Vec<String> = ticks.iter().map(|t| tick_label(*t, step)).collect();
    let tick_width = tick_texts
        .iter()
        .map(|t| text_width(t, TICK_SIZE))
        .fold(0.0, f64::max);
    let left = 24.0 + tick_width + 8.0;
    let right = WIDTH - 8.0;
    let n = chart.categories.len().max(1);
    let slot = (right - left) / n as f64;
    let cat_labels: Vec<String> = chart.categories.iter().map(|c| c.get(lang)).collect();
    let widest = cat_labels
        .iter()
        .map(|l| text_width(l, TICK_SIZE))
        .fold(0.0, f64::max);
    let rotate = widest > slot - 4.0;
    let cat_height = if rotate {
        (widest * 0.6).min(90.0) + 14.0
    } else {
        16.0
    };
    let bottom = HEIGHT - 20.0 - cat_height;
    let y = |v: f64| bottom - (v - lo) / (hi - lo) * (bottom - top);

    for (t, text) in ticks.iter().zip(&tick_texts) {
        let ty = y(*t);
        let colour = if *t == 0.0 { AXIS } else { GRID };
        let _ = write!(
            svg,
            r#"<line x1="{left:.1}" y1="{ty:.1}" x2="{right:.1}" y2="{ty:.1}" stroke="{colour}" stroke-width="0.8"/><text x="{:.1}" y="{:.1}" font-size="{TICK_SIZE}" text-anchor="end">{}</text>"#,
            left - 5.0,
            ty + 3.5,
            escape(text)
        );
    }
    let _ = write!(
        svg,
        r#"<line x1="{left:.1}" y1="{top:.1}" x2="{left:.1}" y2="{bottom:.1}" stroke="{AXIS}" stroke-width="0.8"/>"#
    );
    let mid = (top + bottom) / 2.0;
    let _ = write!(
        svg,
        r#"<text x="12" y="{mid:.1}" font-size="{LABEL_SIZE}" text-anchor="middle" transform="rotate(-90 12 {mid:.1})">{}</text>"#,
        escape(&chart.value_label.get(lang))
    );

    for (i, label) in cat_labels.iter().enumerate() {
        let cx = left + slot * (i as f64 + 0.5);
        if rotate {
            let ly = bottom + 12.0;
            let _ = write!(
                svg,
                r#"<text x="{cx:.1}" y="{ly:.1}" font-size="{TICK_SIZE}" text-anchor="end" transform="rotate(-35 {cx:.1} {ly:.1})">{}</text>"#,
                escape(label)
            );
        } else {
            let _ = write!(
                svg,
                r#"<text x="{cx:.1}" y="{:.1}" font-size="{TICK_SIZE}" text-anchor="middle">{}</text>"#,
                bottom + 14.0,
                escape(label)
            );
        }
    }
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" font-size="{LABEL_SIZE}" text-anchor="middle">{}</text>"#,
        (left + right) / 2.0,
        HEIGHT - 4.0,
        escape(&chart.category_label.get(lang))
    );

    let zero = y(0.0f64.clamp(lo, hi));
    match chart.kind {
        ChartKind::Lines => {
            for (s, series) in chart.series.iter().enumerate() {
                let colour = PALETTE[s % PALETTE.len()];
                let points: Vec<String> = (0..series.values.len().min(n))
                    .map(|i| {
                        format!(
                            "{:.1},{:.1}",
                            left + slot * (i as f64 + 0.5),
                            y(value_of(chart, s, i))
                        )
                    })
                    .collect();
                let _ = write!(
                    svg,
                    r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.2" stroke-linejoin="round"/>"#,
                    points.join(" ")
                );
                for p in &points {
                    if let Some((px, py)) = p.split_once(',') {
                        let _ = write!(
                            svg,
                            r#"<circle cx="{px}" cy="{py}" r="2.6" fill="{colour}"/>"#
                        );
                    }
                }
            }
        }
        _ => {
            let groups = chart.series.len().max(1) as f64;
            let bar = (slot * 0.72 / groups).min(38.0);
            for i in 0..chart.categories.len() {
                let start = left + slot * (i as f64 + 0.5) - bar * groups / 2.0;
                for s in 0..chart.series.len() {
                    let v = y(value_of(chart, s, i));
                    let (y0, h) = if v < zero {
                        (v, zero - v)
                    } else {
                        (zero, v - zero)
                    };
                    let _ = write!(
                        svg,
                        r#"<rect x="{:.1}" y="{y0:.1}" width="{:.1}" height="{h:.1}" fill="{}"/>"#,
                        start + bar * s as f64,
                        (bar - 1.0).max(0.5),
                        PALETTE[s % PALETTE.len()]
                    );
                }
            }
            let _ = write!(
                svg,
                r#"<line x1="{left:.1}" y1="{zero:.1}" x2="{right:.1}" y2="{zero:.1}" stroke="{INK}" stroke-width="0.9"/>"#
            );
        }
    }
}

/// Horizontal bars: categories down the left, values along the bottom, negatives left
/// of the zero line.
fn horizontal_bars(svg: &mut String, chart: &Chart, lang: Lang, top: f64, height: f64) {
    let ticks = value_ticks(chart);
    let (lo, hi) = span(&ticks);
    let step = step_of(&ticks);
    let cat_labels: Vec<String> = chart.categories.iter().map(|c| c.get(lang)).collect();
    let widest = cat_labels
        .iter()
        .map(|l| text_width(l, TICK_SIZE))
        .fold(0.0, f64::max);
    let left = (widest + 12.0).clamp(40.0, WIDTH * 0.4);
    let right = WIDTH - 20.0;
    let bottom = height - 40.0;
    let x = |v: f64| left + (v - lo) / (hi - lo) * (right - left);
    let n = chart.categories.len().max(1);
    let slot = (bottom - top) / n as f64;

    for t in &ticks {
        let tx = x(*t);
        let colour = if *t == 0.0 { AXIS } else { GRID };
        let _ = write!(
            svg,
            r#"<line x1="{tx:.1}" y1="{top:.1}" x2="{tx:.1}" y2="{bottom:.1}" stroke="{colour}" stroke-width="0.8"/><text x="{tx:.1}" y="{:.1}" font-size="{TICK_SIZE}" text-anchor="middle">{}</text>"#,
            bottom + 14.0,
            escape(&tick_label(*t, step))
        );
    }
    let _ = write!(
        svg,
        r#"<line x1="{left:.1}" y1="{bottom:.1}" x2="{right:.1}" y2="{bottom:.1}" stroke="{AXIS}" stroke-width="0.8"/>"#
    );
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" font-size="{LABEL_SIZE}" text-anchor="middle">{}</text>"#,
        (left + right) / 2.0,
        height - 6.0,
        escape(&chart.value_label.get(lang))
    );
    let groups = chart.series.len().max(1) as f64;
    let bar = (slot * 0.7 / groups).min(26.0);
    let zero = x(0.0f64.clamp(lo, hi));
    for (i, label) in cat_labels.iter().enumerate() {
        let cy = top + slot * (i as f64 + 0.5);
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" font-size="{TICK_SIZE}" text-anchor="end">{}</text>"#,
            left - 6.0,
            cy + 3.5,
            escape(label)
        );
        let start = cy - bar * groups / 2.0;
        for s in 0..chart.series.len() {
            let v = x(value_of(chart, s, i));
            let (x0, w) = if v < zero {
                (v, zero - v)
            } else {
                (zero, v - zero)
            };
            let _ = write!(
                svg,
                r#"<rect x="{x0:.1}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{}"/>"#,
                start + bar * s as f64,
                (bar - 1.0).max(0.5),
                PALETTE[s % PALETTE.len()]
            );
        }
    }
    let _ = write!(
        svg,
        r#"<line x1="{zero:.1}" y1="{top:.1}" x2="{zero:.1}" y2="{bottom:.1}" stroke="{INK}" stroke-width="0.9"/>"#
    );
    // The category axis' title sits above the labels it names.
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" font-size="{LABEL_SIZE}" text-anchor="end" font-weight="bold">{}</text>"#,
        left - 6.0,
        top - 6.0,
        escape(&chart.category_label.get(lang))
    );
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::document::{Series, Text};

    fn chart(kind: ChartKind, values: Vec<f64>) -> Chart {
        Chart {
            kind,
            title: Text::same("PV by channel"),
            category_label: Text::new("Channel", "渠道"),
            value_label: Text::new("USD thousand", "千美元"),
            categories: (0..values.len())
                .map(|i| Text::same(format!("C{i}")))
                .collect(),
            series: vec![Series {
                name: Text::new("PV", "现值"),
                values,
            }],
        }
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 97.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(
            nice_ticks(-130.0, 420.0, 5),
            vec![-200.0, 0.0, 200.0, 400.0, 600.0]
        );
        assert_eq!(nice_ticks(0.0, 0.9, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    }

    #[test]
    fn tick_labels_group_thousands_and_use_a_minus_sign() {
        assert_eq!(tick_label(1_250_000.0, 250_000.0), "1,250,000");
        assert_eq!(tick_label(-2000.0, 1000.0), "\u{2212}2,000");
        assert_eq!(tick_label(0.25, 0.25), "0.25");
        assert_eq!(tick_label(-0.0, 1.0), "0");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"<b>"A&B"</b>'"#),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;&apos;"
        );
        let mut c = chart(ChartKind::Bars, vec![1.0, 2.0]);
        c.categories[0] = Text::same("<script>&");
        let svg = chart_svg(&c, Lang::En);
        assert!(svg.contains("&lt;script&gt;&amp;"));
        assert!(!svg.contains("<script>"));
    }

    #[test]
    fn negative_horizontal_bars_go_left_of_zero() {
        let c = chart(ChartKind::HorizontalBars, vec![300.0, -100.0]);
        let svg = chart_svg(&c, Lang::En);
        let rects: Vec<(f64, f64)> = svg
            .split("<rect ")
            .skip(1)
            .map(|r| {
                let attr = |name: &str| -> f64 {
                    let start = r.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                    let end = start + r[start..].find('"').unwrap();
                    r[start..end].parse().unwrap()
                };
                (attr("x"), attr("width"))
            })
            .collect();
        assert_eq!(rects.len(), 2);
        let (pos_x, _) = rects[0];
        let (neg_x, neg_w) = rects[1];
        // The negative bar ends where the positive one starts: at the zero line.
        assert!((neg_x + neg_w - pos_x).abs() < 0.2, "{rects:?}");
        assert!(neg_x < pos_x);
        assert!(svg.contains("\u{2212}100") || svg.contains("\u{2212}200"));
    }

    #[test]
    fn vertical_bars_start_at_zero_and_label_both_axes() {
        let c = chart(ChartKind::Bars, vec![50.0, 75.0]);
        let zh = chart_svg(&c, Lang::Zh);
        assert!(zh.contains(">0</text>"));
        assert!(zh.contains(">千美元</text>"));
        assert!(zh.contains(">渠道</text>"));
        let lines = chart_svg(&chart(ChartKind::Lines, vec![1.0, 3.0]), Lang::En);
        assert!(lines.contains("<polyline"));
        assert!(lines.contains(">USD thousand</text>"));
    }
}
