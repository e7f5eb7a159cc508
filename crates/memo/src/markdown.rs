//! The memo as Markdown (CommonMark with pipe tables). Every piece of text is escaped, so
//! what a user typed prints exactly as typed and never becomes markup; a chart is written as
//! its data table under a caption.

use std::fmt::Write as _;

use crate::document::{Align, Block, Chart, Lang, Memo, Section, Status, Table, Text, Tone};

/// Renders the memo; a bilingual memo has each section in English, then in Chinese.
pub fn to_markdown(memo: &Memo) -> String {
    let mut out = String::new();
    cover(&mut out, memo);
    let langs: &[bool] = match memo.lang {
        Lang::En => &[false],
        Lang::Zh => &[true],
        Lang::EnZh => &[false, true],
    };
    for section in &memo.sections {
        for &zh in langs {
            render_section(&mut out, section, zh, memo.lang == Lang::EnZh);
        }
    }
    out
}

/// Escapes text so Markdown shows it literally: every character that can start markup is
/// backslash-escaped, line breaks become spaces, and a line that would open a list or a
/// heading is defused.
pub fn escape(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut out = String::with_capacity(flat.len() + 8);
    for c in flat.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '&'
                | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line that opens with a list marker ("- ", "+ ", "1. ", "1) ") or is only "-" or "="
    // (a rule or an underline) would become markup; numbers such as "-1,234" or "60.20%" stay.
    let trimmed = out.trim_start();
    let offset = out.len() - trimmed.len();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let opens = |rest: &str| rest.is_empty() || rest.starts_with(' ');
    if trimmed.starts_with(['-', '+']) && opens(&trimmed[1..])
        || !trimmed.is_empty() && trimmed.chars().all(|c| matches!(c, '-' | '=' | ' '))
    {
        out.insert(offset, '\\');
    } else if digits > 0
        && digits <= 9
        && trimmed[digits..].starts_with(['.', ')'])
        && opens(&trimmed[digits + 1..])
    {
        out.insert(offset + digits, '\\');
    }
    out
}

fn t(text: &Text, zh: bool) -> String {
    escape(text.in_lang(zh))
}

fn cover(out: &mut String, memo: &Memo) {
    let c = &memo.cover;
    let label = |text: &Text| escape(&text.get(memo.lang));
    let _ = writeln!(out, "# {}\n", escape(&c.deal_name));
    let _ = writeln!(
        out,
        "**{}** · {} · {}\n",
        label(&c.kind),
        escape(&c.date),
        label(&c.status_label)
    );
    if c.status == Status::Draft {
        let _ = writeln!(out, "> **{}**\n", label(&c.status_label));
    }
    for (name, role) in &c.parties {
        let _ = writeln!(out, "- {} — {}", escape(name), label(role));
    }
    let _ = writeln!(out, "\n{}\n", label(&c.market));
    let _ = writeln!(out, "*{}*\n", label(&c.footer));
}

fn render_section(out: &mut String, section: &Section, zh: bool, bilingual: bool) {
    let anchor = if bilingual && zh {
        format!("{}-zh", section.id)
    } else {
        section.id.clone()
    };
    let _ = writeln!(out, "<a id=\"{}\"></a>\n", escape_attr(&anchor));
    let _ = writeln!(out, "## {}\n", t(&section.title, zh));
    for block in &section.blocks {
        render_block(out, block, zh);
    }
}

/// Section ids are ours, but keep them inert anyway.
fn escape_attr(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect()
}

fn render_block(out: &mut String, block: &Block, zh: bool) {
    match block {
        Block::Heading { text } => {
            let _ = writeln!(out, "### {}\n", t(text, zh));
        }
        Block::Paragraph { text } => {
            let _ = writeln!(out, "{}\n", t(text, zh));
        }
        Block::Bullets { items } => {
            for item in items {
                let _ = writeln!(out, "- {}", t(item, zh));
            }
            out.push('\n');
        }
        Block::Figures { items } => {
            for f in items {
                let colon = if zh { "：" } else { ":" };
                let _ = writeln!(out, "- **{}{colon}** {}", t(&f.label, zh), escape(&f.value));
            }
            out.push('\n');
        }
        Block::Table(table) => render_table(out, table, zh),
        Block::Chart(chart) => render_chart(out, chart, zh),
        Block::Note { text } => {
            let _ = writeln!(out, "*{}*\n", t(text, zh));
        }
        Block::Callout { tone, text } => {
            let word = match (tone, zh) {
                (Tone::Info, false) => "Note",
                (Tone::Info, true) => "说明",
                (Tone::Warning, false) => "Warning",
                (Tone::Warning, true) => "警示",
                (Tone::Problem, false) => "Rule broken",
                (Tone::Problem, true) => "违反规则",
            };
            let _ = writeln!(out, "> **{word}:** {}\n", t(text, zh));
        }
    }
}

fn render_table(out: &mut String, table: &Table, zh: bool) {
    if table.columns.is_empty() {
        return;
    }
    if !table.caption.in_lang(zh).is_empty() {
        let _ = writeln!(out, "**{}**\n", t(&table.caption, zh));
    }
    let headers: Vec<String> = table.columns.iter().map(|c| t(&c.header, zh)).collect();
    let aligns: Vec<Align> = table.columns.iter().map(|c| c.align).collect();
    pipe_table(
        out,
        &headers,
        &aligns,
        table.rows.iter().map(|r| {
            let cells: Vec<String> = r.cells.iter().map(|c| t(c, zh)).collect();
            (cells, r.strong)
        }),
    );
    if !table.note.in_lang(zh).is_empty() {
        let _ = writeln!(out, "*{}*\n", t(&table.note, zh));
    }
}

fn pipe_table(
    out: &mut String,
    headers: &[String],
    aligns: &[Align],
    rows: impl Iterator<Item = (Vec<String>, bool)>,
) {
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let rule: Vec<&str> = aligns
        .iter()
        .map(|a| match a {
            Align::Left => "---",
            Align::Right => "---:",
        })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for (mut cells, strong) in rows {
        cells.resize(headers.len(), String::new());
        let cells: Vec<String> = cells
            .into_iter()
            .map(|c| {
                if strong && !c.is_empty() {
                    format!("**{c}**")
                } else {
                    c
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn render_chart(out: &mut String, chart: &Chart, zh: bool) {
    let _ = writeln!(
        out,
        "**{}** ({})\n",
        t(&chart.title, zh),
        t(&chart.value_label, zh)
    );
    let mut headers = vec![t(&chart.category_label, zh)];
    headers.extend(chart.series.iter().map(|s| t(&s.name, zh)));
    let mut aligns = vec![Align::Left];
    aligns.extend(chart.series.iter().map(|_| Align::Right));
    let rows = chart.categories.iter().enumerate().map(|(i, category)| {
        let mut cells = vec![t(category, zh)];
        cells.extend(chart.series.iter().map(|s| {
            s.values
                .get(i)
                .map_or_else(String::new, |v| chart_value(*v))
        }));
        (cells, false)
    });
    pipe_table(out, &headers, &aligns, rows);
}

/// A chart value as its table shows it: whole, with separators ("-1,234").
fn chart_value(value: f64) -> String {
    let rounded = value.round();
    let decimal = rust_decimal::Decimal::from_f64_retain(rounded).unwrap_or_default();
    crate::content::format::number(decimal, 0)
}
