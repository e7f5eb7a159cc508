//! The memo as a document: what every renderer (Markdown, PDF, DOCX) draws, and nothing
//! they compute. Every figure is already formatted; every label is already translated.
//!
//! Text a user typed (party names, notes, governance terms) is held as plain strings and
//! stays data in every renderer: no format ever parses it as markup.

use serde::Serialize;

/// The languages a memo is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
    /// Each section in English, then in Chinese.
    EnZh,
}

impl Lang {
    /// Parses `en`, `zh` or `en+zh` (also `zh-CN`, `bilingual`).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Self::En),
            "zh" | "zh-cn" | "zh_cn" => Some(Self::Zh),
            "en+zh" | "bilingual" | "en-zh" => Some(Self::EnZh),
            _ => None,
        }
    }

    /// The code [`Lang::parse`] reads back.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Zh => "zh",
            Self::EnZh => "en+zh",
        }
    }

    /// Whether English text is shown.
    pub fn has_en(self) -> bool {
        matches!(self, Self::En | Self::EnZh)
    }

    /// Whether Chinese text is shown.
    pub fn has_zh(self) -> bool {
        matches!(self, Self::Zh | Self::EnZh)
    }
}

/// One piece of text in both languages. User text carries the same string in both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Text {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
}

impl Text {
    /// A translated text.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// Text that is the same in every language: a name, a figure, what a user typed.
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            en: text.clone(),
            zh: text,
        }
    }

    /// The text in `lang`; for a bilingual memo, English then Chinese on one line when they
    /// differ.
    pub fn get(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en.clone(),
            Lang::Zh => self.zh.clone(),
            Lang::EnZh if self.en == self.zh => self.en.clone(),
            Lang::EnZh => format!("{} / {}", self.en, self.zh),
        }
    }

    /// The text in one language (never combined).
    pub fn in_lang(&self, zh: bool) -> &str {
        if zh { &self.zh } else { &self.en }
    }
}

/// Whether the memo is a draft or final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not yet agreed; every page says "Draft".
    Draft,
    /// Agreed by both sides.
    Final,
}

/// The whole memo.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Memo {
    /// The languages it is written in.
    pub lang: Lang,
    /// The cover page.
    pub cover: Cover,
    /// The sections, in order; each stands on its own.
    pub sections: Vec<Section>,
}

/// The cover page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cover {
    /// "Deal memo" / "交易备忘录".
    pub kind: Text,
    /// The deal's name, as typed.
    pub deal_name: String,
    /// The memo's date, ISO (2026-11-29).
    pub date: String,
    /// Draft or final.
    pub status: Status,
    /// "Draft" / "草稿" or "Final" / "定稿".
    pub status_label: Text,
    /// Each party's name with its role, e.g. ("Jiangsu Motors", "Technology partner").
    pub parties: Vec<(String, Text)>,
    /// The market line, e.g. "Kenya · KES · 10-year plan".
    pub market: Text,
    /// Who prepared it ("Prepared with JV Studio"), and the confidentiality line.
    pub footer: Text,
}

/// One section of the memo (e.g. "Returns per party").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// A stable id, e.g. `returns`; used for anchors and tests.
    pub id: String,
    /// The section's title.
    pub title: Text,
    /// Its content, in order.
    pub blocks: Vec<Block>,
}

/// One element of a section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A sub-heading inside the section.
    Heading {
        /// The heading.
        text: Text,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The paragraph.
        text: Text,
    },
    /// A list of points.
    Bullets {
        /// The points.
        items: Vec<Text>,
    },
    /// Label–value pairs shown as a compact grid, e.g. the key figures per party.
    Figures {
        /// The pairs.
        items: Vec<Figure>,
    },
    /// A table of formatted cells.
    Table(Table),
    /// A chart, drawn by each renderer from the same data.
    Chart(Chart),
    /// A small note in a lighter type (sources, caveats).
    Note {
        /// The note.
        text: Text,
    },
    /// A call-out for a warning or guardrail.
    Callout {
        /// How serious it is.
        tone: Tone,
        /// The message.
        text: Text,
    },
}

/// How a call-out reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// For information.
    Info,
    /// A warning.
    Warning,
    /// A rule the deal breaks.
    Problem,
}

/// A labelled figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The label, e.g. "NPV (cash)".
    pub label: Text,
    /// The formatted value, e.g. "USD 1,234,567".
    pub value: String,
}

/// How a column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Its header.
    pub header: Text,
    /// How its cells are aligned.
    pub align: Align,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// One formatted cell per column.
    pub cells: Vec<Text>,
    /// A total or key row, set in bold.
    pub strong: bool,
}

/// A table of formatted values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// The caption above the table; may be empty.
    pub caption: Text,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Row>,
    /// A note under the table (units, sources); may be empty.
    pub note: Text,
}

/// What kind of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Grouped vertical bars, one group per category.
    Bars,
    /// Horizontal bars, one per category (e.g. PV by channel); negative bars go left.
    HorizontalBars,
    /// Lines over the categories (e.g. years).
    Lines,
}

/// One series of a chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Its name in the legend.
    pub name: Text,
    /// One value per category, in the chart's unit.
    pub values: Vec<f64>,
}

/// A chart: categories on one axis, values on the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// What kind. Named `chart_kind` in JSON, where `kind` tags the block.
    #[serde(rename = "chart_kind")]
    pub kind: ChartKind,
    /// The title above it.
    pub title: Text,
    /// The category axis' label, e.g. "Year".
    pub category_label: Text,
    /// The value axis' label with its unit, e.g. "USD thousand".
    pub value_label: Text,
    /// The categories, e.g. "Y1".."Y10" or channel names.
    pub categories: Vec<Text>,
    /// The series.
    pub series: Vec<Series>,
}
