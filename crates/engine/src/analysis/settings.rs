//! The analysis settings a deal stores (DOMAIN.md §7): the Monte Carlo spec — which drivers
//! vary, how, and how they move together — and the tornado's range per driver. Analyses use
//! them when present and their defaults otherwise.
//!
//! In the file every number is a decimal string like the rest of the deal; they become `f64`
//! only when the sampler takes them.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive as _;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::drivers::{Driver, Unit, driver_ids, drivers};
use super::montecarlo::{DEFAULT_DRIVERS, DEFAULT_SPREAD, default_spec};
use super::sampling::{self, CorrelationMatrix, RankCorrelation, SamplingMethod, SamplingSpec};
use super::tornado::Range;
use crate::model::Deal;
use crate::problem::FieldError;

/// The most iterations a deal may ask for by default.
pub const MAX_ITERATIONS: u32 = 100_000;

/// The largest seed a deal may store: the app passes seeds as JavaScript numbers and its
/// command takes a `u32`, so a larger one could not be run as stored.
pub const MAX_SEED: u64 = u32::MAX as u64;

/// The id of the FX-level driver, whose default range is its own (0.9 to 1.3).
const FX_LEVEL: &str = "fx_level";

/// The analysis block of a deal: stored Monte Carlo spec and tornado ranges.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct AnalysisSettings {
    /// The Monte Carlo spec; without it the default spec is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monte_carlo: Option<MonteCarloSettings>,
    /// Tornado ranges of the drivers they name, as relative changes; the others move ±20 %.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tornado: Vec<Range>,
}

impl AnalysisSettings {
    /// True when nothing is stored (the block is then left out of the file).
    pub fn is_empty(&self) -> bool {
        self.monte_carlo.is_none() && self.tornado.is_empty()
    }
}

/// The drivers a Monte Carlo run draws, their rank correlations and how they are sampled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct MonteCarloSettings {
    /// Each varying driver with its distribution; the other drivers stay at base.
    pub drivers: Vec<DriverDistribution>,
    /// Rank correlations between pairs of those drivers; pairs not listed are 0.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correlations: Vec<Correlation>,
    /// `latin_hypercube` (default) or `monte_carlo`.
    #[serde(default)]
    pub method: SamplingMethod,
    /// Iterations when none are asked for (1 to 100,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iterations: Option<u32>,
    /// Seed when none is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

/// One driver and how it varies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct DriverDistribution {
    /// The driver's id, e.g. `units` or `discount_rate.dealer`.
    pub driver: String,
    /// Its distribution, in the driver's own unit (a rate as a fraction).
    pub distribution: DistributionSpec,
}

/// A distribution, in decimal strings (see [`sampling::Distribution`] for the maths).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum DistributionSpec {
    /// Always this value.
    Fixed {
        /// The value.
        value: Decimal,
    },
    /// Every value from `min` to `max` equally likely.
    Uniform {
        /// Lowest value.
        min: Decimal,
        /// Highest value.
        max: Decimal,
    },
    /// Rising linearly from `min` to the most likely `mode`, falling to `max`.
    Triangular {
        /// Lowest value.
        min: Decimal,
        /// Most likely value.
        mode: Decimal,
        /// Highest value.
        max: Decimal,
    },
    /// Beta-PERT (λ = 4): like triangular, with thinner tails.
    Pert {
        /// Lowest value.
        min: Decimal,
        /// Most likely value.
        mode: Decimal,
        /// Highest value.
        max: Decimal,
    },
    /// Normal.
    Normal {
        /// Mean.
        mean: Decimal,
        /// Standard deviation.
        sd: Decimal,
    },
    /// Lognormal, given by the mean and standard deviation of the variable itself.
    Lognormal {
        /// Mean.
        mean: Decimal,
        /// Standard deviation.
        sd: Decimal,
    },
}

impl DistributionSpec {
    /// The sampler's distribution (decimals become `f64`).
    pub fn to_sampling(&self) -> sampling::Distribution {
        let f = |d: Decimal| d.to_f64().unwrap_or(f64::NAN);
        match *self {
            Self::Fixed { value } => sampling::Distribution::Fixed { value: f(value) },
            Self::Uniform { min, max } => sampling::Distribution::Uniform {
                min: f(min),
                max: f(max),
            },
            Self::Triangular { min, mode, max } => sampling::Distribution::Triangular {
                min: f(min),
                mode: f(mode),
                max: f(max),
            },
            Self::Pert { min, mode, max } => sampling::Distribution::Pert {
                min: f(min),
                mode: f(mode),
                max: f(max),
            },
            Self::Normal { mean, sd } => sampling::Distribution::Normal {
                mean: f(mean),
                sd: f(sd),
            },
            Self::Lognormal { mean, sd } => sampling::Distribution::Lognormal {
                mean: f(mean),
                sd: f(sd),
            },
        }
    }
}

/// A rank correlation between two drivers of the spec.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Correlation {
    /// One driver's id.
    pub a: String,
    /// The other driver's id.
    pub b: String,
    /// Spearman rank correlation, −1 to 1.
    pub rho: Decimal,
}

impl MonteCarloSettings {
    /// The sampler's spec.
    pub fn to_spec(&self) -> SamplingSpec {
        SamplingSpec {
            drivers: self
                .drivers
                .iter()
                .map(|d| sampling::Driver {
                    name: d.driver.clone(),
                    distribution: d.distribution.to_sampling(),
                })
                .collect(),
            correlations: self
                .correlations
                .iter()
                .map(|c| RankCorrelation {
                    a: c.a.clone(),
                    b: c.b.clone(),
                    rho: c.rho.to_f64().unwrap_or(f64::NAN),
                })
                .collect(),
            method: self.method,
        }
    }
}

/// The shape of a distribution, without its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DistributionKind {
    /// [`DistributionSpec::Fixed`].
    Fixed,
    /// [`DistributionSpec::Uniform`].
    Uniform,
    /// [`DistributionSpec::Triangular`].
    Triangular,
    /// [`DistributionSpec::Pert`].
    Pert,
    /// [`DistributionSpec::Normal`].
    Normal,
    /// [`DistributionSpec::Lognormal`].
    Lognormal,
}

impl DistributionKind {
    /// Every kind, in the order the editor offers them.
    pub const ALL: [Self; 6] = [
        Self::Fixed,
        Self::Uniform,
        Self::Triangular,
        Self::Pert,
        Self::Normal,
        Self::Lognormal,
    ];
}

/// A driver as the spec editor offers it, with the distributions it starts from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DriverDefaults {
    /// Stable id, e.g. `royalty_rate` or `discount_rate.dealer`.
    pub id: String,
    /// As shown to people.
    pub label: String,
    /// What its number measures.
    pub unit: Unit,
    /// Its base value (1 for the FX level).
    pub base: Decimal,
    /// The fields of the deal it moves (what a scenario's override names).
    pub paths: Vec<String>,
    /// The distribution the default spec gives it (also when it is added to a spec).
    pub distribution: DistributionSpec,
    /// Its default distribution of each kind, in the order of [`DistributionKind::ALL`].
    pub by_kind: Vec<DistributionSpec>,
}

/// Every driver of `deal` (a validated deal) in the catalogue's order, with its defaults.
pub fn driver_defaults(deal: &Deal) -> Vec<DriverDefaults> {
    drivers(deal)
        .into_iter()
        .map(|driver| DriverDefaults {
            distribution: default_distribution(&driver, default_kind(&driver)),
            by_kind: DistributionKind::ALL
                .iter()
                .map(|kind| default_distribution(&driver, *kind))
                .collect(),
            id: driver.id,
            label: driver.label,
            unit: driver.unit,
            base: driver.base,
            paths: driver.paths,
        })
        .collect()
}

/// The kind the default spec gives `driver`: triangular, or fixed when its base is zero
/// (a range around zero is no range). The FX level is a factor, always triangular.
pub fn default_kind(driver: &Driver) -> DistributionKind {
    if driver.base.is_zero() && driver.id != FX_LEVEL {
        DistributionKind::Fixed
    } else {
        DistributionKind::Triangular
    }
}

/// A distribution of `kind` for `driver`: its base (fixed); ±20 % around it (uniform,
/// triangular, PERT, mode at the base); or its base with a standard deviation of 10 % of it
/// (normal, lognormal). The FX level spans 0.9 to 1.3 around 1, heavier on the downside.
pub fn default_distribution(driver: &Driver, kind: DistributionKind) -> DistributionSpec {
    let base = driver.base;
    let scaled = |factor: Decimal| base.checked_mul(factor).unwrap_or(base).normalize();
    let (min, mode, max) = if driver.id == FX_LEVEL {
        (Decimal::new(9, 1), Decimal::ONE, Decimal::new(13, 1))
    } else {
        let low = scaled(Decimal::ONE - DEFAULT_SPREAD);
        let high = scaled(Decimal::ONE + DEFAULT_SPREAD);
        (low.min(high), base.normalize(), low.max(high))
    };
    let sd = base
        .abs()
        .checked_mul(DEFAULT_SPREAD / Decimal::TWO)
        .unwrap_or(base)
        .normalize();
    let mean = base.normalize();
    match kind {
        DistributionKind::Fixed => DistributionSpec::Fixed { value: mean },
        DistributionKind::Uniform => DistributionSpec::Uniform { min, max },
        DistributionKind::Triangular => DistributionSpec::Triangular { min, mode, max },
        DistributionKind::Pert => DistributionSpec::Pert { min, mode, max },
        DistributionKind::Normal => DistributionSpec::Normal { mean, sd },
        DistributionKind::Lognormal => DistributionSpec::Lognormal { mean, sd },
    }
}

/// The default Monte Carlo spec of `deal` (a validated deal) in the file's format: what a
/// run uses while the deal stores none, and what "Customise" writes into it. See
/// [`default_spec`] for its choices.
pub fn default_monte_carlo_settings(deal: &Deal) -> MonteCarloSettings {
    let catalogue = drivers(deal);
    let varying: Vec<DriverDistribution> = DEFAULT_DRIVERS
        .iter()
        .filter_map(|id| catalogue.iter().find(|d| d.id == *id))
        .map(|driver| DriverDistribution {
            driver: driver.id.clone(),
            distribution: default_distribution(driver, default_kind(driver)),
        })
        .collect();
    let has = |id: &str| varying.iter().any(|d| d.driver == id);
    let correlations = [
        ("units", "retail_price", Decimal::new(-3, 1)),
        ("inflation", FX_LEVEL, Decimal::new(5, 1)),
    ]
    .into_iter()
    .filter(|(a, b, _)| has(a) && has(b))
    .map(|(a, b, rho)| Correlation {
        a: a.to_owned(),
        b: b.to_owned(),
        rho,
    })
    .collect();
    MonteCarloSettings {
        drivers: varying,
        correlations,
        method: SamplingMethod::LatinHypercube,
        iterations: None,
        seed: None,
    }
}

/// Where a Monte Carlo spec came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SpecSource {
    /// The deal's `analysis.monte_carlo`.
    Stored,
    /// [`default_spec`]: the main drivers at ±20 %.
    Default,
}

impl SpecSource {
    /// In words, for reports: "stored in the deal" or "default".
    pub fn describe(self) -> &'static str {
        match self {
            Self::Stored => "stored in the deal",
            Self::Default => "default",
        }
    }
}

/// The Monte Carlo spec of `deal`: the stored one, else the default.
pub fn monte_carlo_spec(deal: &Deal) -> (SamplingSpec, SpecSource) {
    match &deal.analysis.monte_carlo {
        Some(stored) => (stored.to_spec(), SpecSource::Stored),
        None => (default_spec(deal), SpecSource::Default),
    }
}

/// The tornado ranges of `deal`: the stored ones, each replaced by the `overrides` of the
/// same driver, plus the overrides of other drivers (the rest default to ±20 %).
pub fn tornado_ranges(deal: &Deal, overrides: &[Range]) -> Vec<Range> {
    let mut out: Vec<Range> = deal
        .analysis
        .tornado
        .iter()
        .filter(|r| !overrides.iter().any(|o| o.driver == r.driver))
        .cloned()
        .collect();
    out.extend(overrides.iter().cloned());
    out
}

/// Every problem of the analysis block, at its path.
pub fn validate_analysis(deal: &Deal) -> Vec<FieldError> {
    let settings = &deal.analysis;
    if settings.is_empty() {
        return Vec::new();
    }
    let ids = driver_ids(deal);
    let known = ids.join(", ");
    let unknown = |id: &str| format!("no driver has the id \"{id}\"; the drivers are {known}");
    let mut errors = Vec::new();
    for (k, range) in settings.tornado.iter().enumerate() {
        let at = format!("analysis.tornado[{k}]");
        if !ids.contains(&range.driver) {
            errors.push(FieldError::new(
                format!("{at}.driver"),
                unknown(&range.driver),
            ));
        } else if settings.tornado[..k]
            .iter()
            .any(|r| r.driver == range.driver)
        {
            errors.push(FieldError::new(
                format!("{at}.driver"),
                format!("the range of \"{}\" is given twice", range.driver),
            ));
        }
        if range.low < -Decimal::ONE {
            errors.push(FieldError::new(
                format!("{at}.low"),
                "must be −1 (−100 %) or more: a driver cannot fall by more than all of it",
            ));
        }
        if range.low >= range.high {
            errors.push(FieldError::new(
                format!("{at}.high"),
                format!(
                    "must be above the low change ({}); it is {}",
                    range.low.normalize(),
                    range.high.normalize()
                ),
            ));
        }
    }
    if let Some(mc) = &settings.monte_carlo {
        errors.extend(monte_carlo_errors(mc, &ids, &unknown));
    }
    errors
}

fn monte_carlo_errors(
    mc: &MonteCarloSettings,
    ids: &[String],
    unknown: &dyn Fn(&str) -> String,
) -> Vec<FieldError> {
    let at = "analysis.monte_carlo";
    let mut errors = Vec::new();
    if mc.drivers.is_empty() {
        errors.push(FieldError::new(
            format!("{at}.drivers"),
            "must name at least one driver to vary",
        ));
    }
    for (i, d) in mc.drivers.iter().enumerate() {
        if !ids.contains(&d.driver) {
            errors.push(FieldError::new(
                format!("{at}.drivers[{i}].driver"),
                unknown(&d.driver),
            ));
        } else if mc.drivers[..i].iter().any(|o| o.driver == d.driver) {
            errors.push(FieldError::new(
                format!("{at}.drivers[{i}].driver"),
                format!("\"{}\" is given twice", d.driver),
            ));
        }
        if let Err(error) = d.distribution.to_sampling().validate(&d.driver) {
            errors.push(FieldError::new(
                format!("{at}.drivers[{i}].distribution"),
                error.to_string(),
            ));
        }
    }
    let names: Vec<String> = mc.drivers.iter().map(|d| d.driver.clone()).collect();
    let before = errors.len();
    for (j, c) in mc.correlations.iter().enumerate() {
        let here = format!("{at}.correlations[{j}]");
        for (field, id) in [("a", &c.a), ("b", &c.b)] {
            if !names.contains(id) {
                errors.push(FieldError::new(
                    format!("{here}.{field}"),
                    format!(
                        "\"{id}\" is not one of the drivers the spec varies ({})",
                        names.join(", ")
                    ),
                ));
            }
        }
        if c.a == c.b {
            errors.push(FieldError::new(
                format!("{here}.b"),
                format!("\"{}\" cannot be correlated with itself", c.a),
            ));
        } else if mc.correlations[..j]
            .iter()
            .any(|o| (o.a == c.a && o.b == c.b) || (o.a == c.b && o.b == c.a))
        {
            errors.push(FieldError::new(
                format!("{here}.b"),
                format!("the correlation of {} with {} is given twice", c.a, c.b),
            ));
        }
        if c.rho < -Decimal::ONE || c.rho > Decimal::ONE {
            errors.push(FieldError::new(
                format!("{here}.rho"),
                format!("must lie between −1 and 1; it is {}", c.rho.normalize()),
            ));
        }
    }
    // The matrix as a whole can only be judged once every pair is well formed.
    if errors.len() == before && !mc.correlations.is_empty() {
        let pairs = mc.to_spec().correlations;
        if let Err(error) = CorrelationMatrix::from_pairs(&names, &pairs) {
            errors.push(FieldError::new(
                format!("{at}.correlations"),
                error.to_string(),
            ));
        }
    }
    if let Some(n) = mc.iterations
        && !(1..=MAX_ITERATIONS).contains(&n)
    {
        errors.push(FieldError::new(
            format!("{at}.iterations"),
            format!("must be from 1 to 100,000; it is {n}"),
        ));
    }
    if let Some(seed) = mc.seed
        && seed > MAX_SEED
    {
        errors.push(FieldError::new(
            format!("{at}.seed"),
            format!("must be from 0 to 4,294,967,295; it is {seed}"),
        ));
    }
    errors
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::read_deal;

    const KENYA: &str = include_str!("../../../../examples/kenya-e3w-ckd.jvdeal");

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn kenya() -> Deal {
        read_deal(KENYA).unwrap()
    }

    fn driver(id: &str) -> Driver {
        drivers(&kenya()).into_iter().find(|d| d.id == id).unwrap()
    }

    #[test]
    fn the_default_settings_are_the_default_spec_in_the_file_format() {
        let deal = kenya();
        let settings = default_monte_carlo_settings(&deal);
        let ids: Vec<&str> = settings.drivers.iter().map(|d| d.driver.as_str()).collect();
        assert_eq!(ids, DEFAULT_DRIVERS);
        assert_eq!(settings.to_spec(), default_spec(&deal));
        assert_eq!(settings.method, SamplingMethod::LatinHypercube);
        assert_eq!((settings.iterations, settings.seed), (None, None));
        // Kenya's retail price is KES 520,000: ±20 % exactly, no float noise.
        assert_eq!(
            settings.drivers[0].distribution,
            DistributionSpec::Triangular {
                min: dec("416000"),
                mode: dec("520000"),
                max: dec("624000"),
            }
        );
        let pairs: Vec<(&str, &str, Decimal)> = settings
            .correlations
            .iter()
            .map(|c| (c.a.as_str(), c.b.as_str(), c.rho))
            .collect();
        assert_eq!(
            pairs,
            [
                ("units", "retail_price", dec("-0.3")),
                ("inflation", "fx_level", dec("0.5")),
            ]
        );
        // The file's reader takes them back unchanged: "Customise" stores a valid spec.
        let json = serde_json::to_value(&settings).unwrap();
        let back: MonteCarloSettings = serde_json::from_value(json).unwrap();
        assert_eq!(back, settings);
        let mut stored = deal.clone();
        stored.analysis.monte_carlo = Some(settings);
        assert_eq!(validate_analysis(&stored), Vec::new());
    }

    #[test]
    fn each_kind_has_its_default_around_the_base() {
        let units = driver("units");
        assert_eq!(units.base, dec("600"));
        let cases = [
            (DistributionKind::Fixed, r#"{"kind":"fixed","value":"600"}"#),
            (
                DistributionKind::Uniform,
                r#"{"kind":"uniform","min":"480","max":"720"}"#,
            ),
            (
                DistributionKind::Pert,
                r#"{"kind":"pert","min":"480","mode":"600","max":"720"}"#,
            ),
            (
                DistributionKind::Lognormal,
                r#"{"kind":"lognormal","mean":"600","sd":"60"}"#,
            ),
        ];
        for (kind, json) in cases {
            let expected: DistributionSpec = serde_json::from_str(json).unwrap();
            assert_eq!(default_distribution(&units, kind), expected, "{kind:?}");
        }
        let fx = driver("fx_level");
        assert_eq!(
            default_distribution(&fx, DistributionKind::Pert),
            DistributionSpec::Pert {
                min: dec("0.9"),
                mode: dec("1"),
                max: dec("1.3"),
            }
        );
        assert_eq!(
            default_distribution(&fx, DistributionKind::Normal),
            DistributionSpec::Normal {
                mean: dec("1"),
                sd: dec("0.1"),
            }
        );
    }

    #[test]
    fn a_zero_base_is_fixed_and_the_catalogue_is_listed_with_every_kind() {
        let mut deal = kenya();
        deal.plan.maintenance_capex = Decimal::ZERO;
        let all = driver_defaults(&deal);
        let ids: Vec<String> = all.iter().map(|d| d.id.clone()).collect();
        assert_eq!(ids, driver_ids(&deal));
        let maintenance = all.iter().find(|d| d.id == "maintenance_capex").unwrap();
        assert_eq!(
            maintenance.distribution,
            DistributionSpec::Fixed {
                value: Decimal::ZERO
            }
        );
        for d in &all {
            let kinds: Vec<String> = d
                .by_kind
                .iter()
                .map(|s| serde_json::to_value(s).unwrap()["kind"].to_string())
                .collect();
            let expected: Vec<String> = DistributionKind::ALL
                .iter()
                .map(|k| serde_json::to_value(k).unwrap().to_string())
                .collect();
            assert_eq!(kinds, expected, "{}", d.id);
        }
    }

    #[test]
    fn a_stored_seed_above_u32_is_refused_at_its_field() {
        let mut deal = kenya();
        let mut settings = default_monte_carlo_settings(&deal);
        settings.seed = Some(MAX_SEED);
        deal.analysis.monte_carlo = Some(settings.clone());
        assert_eq!(validate_analysis(&deal), Vec::new());
        settings.seed = Some(MAX_SEED + 1);
        deal.analysis.monte_carlo = Some(settings);
        assert_eq!(
            validate_analysis(&deal),
            vec![FieldError::new(
                "analysis.monte_carlo.seed",
                "must be from 0 to 4,294,967,295; it is 4294967296",
            )]
        );
    }
}
