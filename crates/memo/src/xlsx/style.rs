//! Cell formats: inputs blue, engine constants grey, money with thousands separators, rates
//! as percentages.

use rust_xlsxwriter::{Color, Format, FormatBorder};

const INPUT_FILL: u32 = 0x00DD_EBF7;
const ENGINE_FILL: u32 = 0x00D9_D9D9;
const MONEY: &str = "#,##0.00;-#,##0.00";
const RATE: &str = "0.00%";
const COUNT: &str = "#,##0";

/// How a figure is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An amount of money.
    Money,
    /// A fraction shown as a percentage.
    Rate,
    /// A count or a year, whole.
    Count,
    /// A factor such as an index or an exchange rate.
    Factor,
}

/// The formats of the workbook.
pub struct Styles {
    /// Sheet titles.
    pub title: Format,
    /// Column and section headers.
    pub header: Format,
    /// Wrapped explanatory text.
    pub note: Format,
    /// Text in an input cell.
    pub input_text: Format,
}

impl Styles {
    /// The workbook's formats.
    pub fn new() -> Self {
        Self {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x0059_5959)),
            input_text: Format::new().set_background_color(Color::RGB(INPUT_FILL)),
        }
    }

    /// A computed figure.
    pub fn formula(&self, kind: Kind) -> Format {
        Format::new().set_num_format(pattern(kind))
    }

    /// An input figure (blue).
    pub fn input(&self, kind: Kind) -> Format {
        self.formula(kind)
            .set_background_color(Color::RGB(INPUT_FILL))
    }

    /// A value taken from the engine rather than recomputed (grey).
    pub fn engine(&self, kind: Kind) -> Format {
        self.formula(kind)
            .set_background_color(Color::RGB(ENGINE_FILL))
    }

    /// A result in bold.
    pub fn total(&self, kind: Kind) -> Format {
        self.formula(kind).set_bold()
    }
}

fn pattern(kind: Kind) -> &'static str {
    match kind {
        Kind::Money => MONEY,
        Kind::Rate => RATE,
        Kind::Count => COUNT,
        Kind::Factor => "0.000000",
    }
}

/// A decimal as the f64 a cell holds.
pub fn num(value: rust_decimal::Decimal) -> f64 {
    rust_decimal::prelude::ToPrimitive::to_f64(&value).unwrap_or(0.0)
}
