//! Copying a preset into a deal's market: every known value, with its source and date; the
//! treaty rates for the deal's foreign parties; the market's rules; the local partners'
//! residence; and, when the currency changes, the local-currency amounts at the new rate.

use jv_engine::Deal;
use jv_engine::model::{
    LegalReserve, Market, PresetRef, Role, RoyaltyCap, TaxIncentive, TreatyRate, ValueSource,
    Withholding,
};
use jv_engine::timeline::Timeline;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::keys::{late_market_values, market_values};
use crate::preset::{Absent, MarketPreset, PresetValue, Treaty, TreatyStatus};
use crate::reading::{Kind, Reading, read};
use crate::rules::describe;

/// What applying a preset did beyond copying its values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Applied {
    /// Market fields the preset has no value for (e.g. `fx_spot`,
    /// `dividend_withholding.treaties.IN`): the deal kept its own value; ask the user.
    pub unknown: Vec<String>,
    /// Market inputs removed because they described the market the deal had before
    /// (`inflation_path`, `fx_path`).
    pub cleared: Vec<String>,
    /// Ids of the local partners resident in the old market, now resident in the new one.
    #[serde(default)]
    pub moved: Vec<String>,
    /// Local-currency amounts converted to the new currency at the same reporting-currency
    /// value (`plan.retail_price`, `plan.capex[0].amount`, …).
    #[serde(default)]
    pub rebased: Vec<String>,
}

/// What the user adds to a preset when applying it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ApplyOptions {
    /// Today's spot rate (local currency per reporting-currency unit), used where the
    /// preset has none.
    #[serde(default)]
    pub fx_spot: Option<Decimal>,
}

/// Why a preset could not be applied; the deal is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ApplyError {
    /// The currency changes and neither the preset nor the options give the new spot rate.
    #[error(
        "the {country} preset has no {reporting_currency}/{currency} spot rate: enter today's rate"
    )]
    NeedsFxSpot {
        /// The preset's country.
        country: String,
        /// The preset's currency.
        currency: String,
        /// The deal's reporting currency.
        reporting_currency: String,
    },
    /// The spot rate given is not above zero.
    #[error("the {reporting_currency}/{currency} spot rate must be above zero; it is {fx_spot}")]
    InvalidFxSpot {
        /// The preset's currency.
        currency: String,
        /// The deal's reporting currency.
        reporting_currency: String,
        /// The rate given.
        fx_spot: Decimal,
    },
    /// The deal's own exchange rate is not above zero, so its amounts cannot be converted.
    #[error(
        "the deal's {reporting_currency}/{currency} rate is not above zero in year {year}: correct it before changing the currency"
    )]
    UnusableFx {
        /// The deal's currency before the change.
        currency: String,
        /// The deal's reporting currency.
        reporting_currency: String,
        /// The first year whose rate is not above zero.
        year: u32,
    },
}

/// [`apply_preset_with`] with no options; without a rate for a new currency it converts nothing.
pub fn apply_preset(deal: &mut Deal, preset: &MarketPreset) -> Applied {
    match apply_preset_with(deal, preset, &ApplyOptions::default()) {
        Ok(applied) => applied,
        // It cannot ask for today's rate: the values, rules and residence are still copied,
        // `fx_spot` is listed as unknown and the amounts stay for the caller to review.
        Err(_) => copy_market(deal, preset, None),
    }
}

/// Copies `preset` into the deal's market, moves its local partners, converts its amounts.
pub fn apply_preset_with(
    deal: &mut Deal,
    preset: &MarketPreset,
    options: &ApplyOptions,
) -> Result<Applied, ApplyError> {
    if let Some(spot) = options.fx_spot
        && spot <= Decimal::ZERO
    {
        return Err(ApplyError::InvalidFxSpot {
            currency: preset.currency.clone(),
            reporting_currency: deal.reporting_currency.clone(),
            fx_spot: spot,
        });
    }
    let preset_spot = match read(Kind::Spot, &preset.values.fx_spot.value) {
        Ok(Reading::Number(spot)) => Some(spot),
        _ => None,
    };
    let changed_currency = deal.market.currency != preset.currency;
    if changed_currency && preset_spot.or(options.fx_spot).is_none() {
        return Err(ApplyError::NeedsFxSpot {
            country: preset.country.clone(),
            currency: preset.currency.clone(),
            reporting_currency: deal.reporting_currency.clone(),
        });
    }
    let mut after = deal.clone();
    let mut applied = copy_market(&mut after, preset, options.fx_spot);
    if changed_currency {
        applied.rebased = rebase(deal, &mut after)?;
    }
    *deal = after;
    Ok(applied)
}

/// Copies the preset's values, treaty rates, rules and provenance into the deal's market and
/// moves the local partners; `given_spot` fills `fx_spot` where the preset has none.
fn copy_market(deal: &mut Deal, preset: &MarketPreset, given_spot: Option<Decimal>) -> Applied {
    let moved = move_local_partners(deal, &preset.country);
    let homes = foreign_homes(deal, &preset.country);
    let market = &mut deal.market;
    let changed_country = market.country != preset.country;
    let changed_currency = market.currency != preset.currency;
    market.country.clone_from(&preset.country);
    market.name.clone_from(&preset.name);
    market.currency.clone_from(&preset.currency);

    let mut copy = Copy {
        market,
        provenance: Vec::new(),
        unknown: Vec::new(),
    };
    copy.values(preset);
    for (what, pick) in [
        (
            "dividend_withholding",
            (|t: &Treaty| &t.dividends) as fn(&Treaty) -> &PresetValue,
        ),
        ("royalty_withholding", |t: &Treaty| &t.royalties),
    ] {
        copy.treaties(preset, &homes, what, pick);
    }
    let inflation_known = copy.provenance.iter().any(|v| v.field == "inflation");
    let mut spot_known = copy.provenance.iter().any(|v| v.field == "fx_spot");
    let Copy {
        market,
        provenance,
        mut unknown,
    } = copy;
    // The user's rate stands in for the one the preset lacks; it has no source to record.
    if let Some(spot) = given_spot
        && !spot_known
    {
        market.fx_spot = spot;
        unknown.retain(|field| field != "fx_spot");
        spot_known = true;
    }

    let mut cleared = Vec::new();
    // A rule of the old country (its royalty cap, tax incentive, ownership limit…) must not
    // follow the deal to a country whose preset does not know that rule: it is removed and
    // stays listed as unknown, so the user is asked instead of misled.
    if changed_country {
        for field in &unknown {
            if clear_rule(market, field) {
                cleared.push(field.clone());
            }
        }
    }
    if (inflation_known || changed_country) && market.inflation_path.take().is_some() {
        cleared.push("inflation_path".to_owned());
    }
    if (spot_known || changed_currency) && market.fx_path.take().is_some() {
        cleared.push("fx_path".to_owned());
    }
    market.rules.clone_from(&preset.rules);
    let mut sources: Vec<String> = Vec::new();
    let rule_sources = preset.rules.iter().map(|rule| &describe(rule).1.source);
    for source in provenance.iter().map(|v| &v.source).chain(rule_sources) {
        if !sources.contains(source) {
            sources.push(source.clone());
        }
    }
    market.sources = sources;
    market.provenance = provenance;
    market.preset = Some(PresetRef {
        country: preset.country.clone(),
        version: preset.version.clone(),
    });
    Applied {
        unknown,
        cleared,
        moved,
        rebased: Vec::new(),
    }
}

/// Removes one country-specific rule value; whether there was one to remove.
fn clear_rule(market: &mut jv_engine::model::Market, field: &str) -> bool {
    match field {
        "royalty_cap" => market.royalty_cap.take().is_some(),
        "foreign_ownership_limit" => market.foreign_ownership_limit.take().is_some(),
        "tax_incentive" => market.tax_incentive.take().is_some(),
        "legal_reserve" => market.legal_reserve.take().is_some(),
        "interest_deduction_limit" => market.interest_deduction_limit.take().is_some(),
        "interest_carry_forward_years" => market.interest_carry_forward_years.take().is_some(),
        "loss_carry_forward_years" => market.loss_carry_forward_years.take().is_some(),
        "capital_gains_tax_rate" => market.capital_gains_tax_rate.take().is_some(),
        "tax_holiday_years" => std::mem::take(&mut market.tax_holiday_years) > 0,
        _ => false,
    }
}

/// Local partners taxed in the old market are the new market's residents: a dealer follows
/// the deal, a technology partner stays at home. Returns the ids moved.
fn move_local_partners(deal: &mut Deal, country: &str) -> Vec<String> {
    let old = deal.market.country.clone();
    if old == country {
        return Vec::new();
    }
    let mut moved = Vec::new();
    for party in &mut deal.parties {
        if party.role == Role::LocalPartner && party.home_country == old {
            party.home_country = country.to_owned();
            moved.push(party.id.clone());
        }
    }
    moved
}

/// Converts every local-currency amount of `after` (copied from `before`, now in the new
/// currency) at the ratio of the two deals' exchange rates in the year the amount is for,
/// so its value in the reporting currency stays the same. Returns the paths converted.
fn rebase(before: &Deal, after: &mut Deal) -> Result<Vec<String>, ApplyError> {
    let old = Timeline::new(before);
    let new = Timeline::new(after);
    if let Some(year) = old.fx.iter().position(|fx| *fx <= Decimal::ZERO) {
        return Err(ApplyError::UnusableFx {
            currency: before.market.currency.clone(),
            reporting_currency: before.reporting_currency.clone(),
            year: u32::try_from(year).unwrap_or(u32::MAX),
        });
    }
    let mut rebase = Rebase {
        old: &old.fx,
        new: &new.fx,
        paths: Vec::new(),
    };
    let plan = &mut after.plan;
    // Year-1 values: what the plan's inflating inputs are.
    rebase.amount(&mut plan.retail_price, 1, "plan.retail_price");
    rebase.amount(
        &mut plan.local_parts_per_unit,
        1,
        "plan.local_parts_per_unit",
    );
    rebase.amount(&mut plan.wage_per_hour, 1, "plan.wage_per_hour");
    rebase.amount(&mut plan.fixed_overhead, 1, "plan.fixed_overhead");
    // Each capex item is spent in its year, at that year's prices.
    for (i, item) in plan.capex.iter_mut().enumerate() {
        let path = format!("plan.capex[{i}].amount");
        rebase.amount(&mut item.amount, item.year as usize, &path);
    }
    rebase.amount(&mut plan.maintenance_capex, 1, "plan.maintenance_capex");
    let financing = &mut after.financing;
    if let Some(loan) = &mut financing.loan {
        rebase.amount(
            &mut loan.amount,
            loan.drawdown_year as usize,
            "financing.loan.amount",
        );
    }
    // A balance kept from closing on: valued at the spot rate.
    rebase.amount(&mut financing.minimum_cash, 0, "financing.minimum_cash");
    Ok(rebase.paths)
}

/// The two deals' exchange rates by year, and the paths converted so far.
struct Rebase<'a> {
    old: &'a [Decimal],
    new: &'a [Decimal],
    paths: Vec<String>,
}

impl Rebase<'_> {
    /// Converts one amount for `year` (the horizon's last year when later): × new ÷ old
    /// exchange rate, to whole units, or to cents below 100 units so small amounts keep
    /// their precision. A zero amount stays zero and is not listed.
    fn amount(&mut self, amount: &mut Decimal, year: usize, path: &str) {
        if amount.is_zero() {
            return;
        }
        let last = self.old.len().min(self.new.len()).saturating_sub(1);
        let t = year.min(last);
        let (Some(old), Some(new)) = (self.old.get(t), self.new.get(t)) else {
            return;
        };
        let Some(exact) = amount.checked_mul(*new).and_then(|x| x.checked_div(*old)) else {
            return;
        };
        let whole = exact.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        *amount = if whole.abs() < Decimal::ONE_HUNDRED {
            exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        } else {
            whole
        };
        self.paths.push(path.to_owned());
    }
}

/// The home countries of the parties taxed outside the market, each once, in party order.
fn foreign_homes(deal: &Deal, country: &str) -> Vec<String> {
    let mut homes: Vec<String> = Vec::new();
    for party in &deal.parties {
        if party.home_country != country && !homes.contains(&party.home_country) {
            homes.push(party.home_country.clone());
        }
    }
    homes
}

/// The copy in progress: the market being filled and what was found.
struct Copy<'a> {
    market: &'a mut Market,
    provenance: Vec<ValueSource>,
    unknown: Vec<String>,
}

impl Copy<'_> {
    fn known(&mut self, field: &str, source: &str, as_of: &str) {
        self.provenance.push(ValueSource {
            field: field.to_owned(),
            source: source.to_owned(),
            as_of: as_of.to_owned(),
        });
    }

    /// Sets a single value when the preset knows it; a text that does not read (a preset
    /// that skipped the checks) counts as unknown.
    fn single(&mut self, (field, kind, value): (&str, Kind, &PresetValue)) {
        let reading = read(kind, &value.value).unwrap_or(Reading::Unknown);
        let market = &mut *self.market;
        let set = match (field, reading) {
            (_, Reading::Unknown) => false,
            ("corporate_tax_rate", Reading::Number(rate)) => {
                market.corporate_tax_rate = rate;
                true
            }
            ("tax_holiday_years", Reading::Whole(years)) => {
                market.tax_holiday_years = years;
                true
            }
            ("loss_carry_forward_years", reading) => {
                set_years(&mut market.loss_carry_forward_years, reading)
            }
            ("interest_deduction_limit", reading) => {
                set_rate(&mut market.interest_deduction_limit, reading)
            }
            ("interest_carry_forward_years", reading) => {
                set_years(&mut market.interest_carry_forward_years, reading)
            }
            ("amortisation_deductible", Reading::Flag(flag)) => {
                market.amortisation_deductible = flag;
                true
            }
            ("dividend_withholding.resident", Reading::Number(rate)) => {
                market.dividend_withholding.resident = rate;
                true
            }
            ("dividend_withholding.non_resident", Reading::Number(rate)) => {
                market.dividend_withholding.non_resident = rate;
                true
            }
            ("royalty_withholding.resident", Reading::Number(rate)) => {
                market.royalty_withholding.resident = rate;
                true
            }
            ("royalty_withholding.non_resident", Reading::Number(rate)) => {
                market.royalty_withholding.non_resident = rate;
                true
            }
            ("capital_gains_tax_rate", reading) => {
                set_rate(&mut market.capital_gains_tax_rate, reading)
            }
            ("import_duty_kits", Reading::Number(rate)) => {
                market.import_duty_kits = rate;
                true
            }
            ("other_import_levies", Reading::Number(rate)) => {
                market.other_import_levies = rate;
                true
            }
            ("inflation", Reading::Number(rate)) => {
                market.inflation = rate;
                true
            }
            ("fx_spot", Reading::Number(spot)) => {
                market.fx_spot = spot;
                true
            }
            ("fx_depreciation", reading) => set_rate(&mut market.fx_depreciation, reading),
            ("foreign_ownership_limit", reading) => {
                set_rate(&mut market.foreign_ownership_limit, reading)
            }
            _ => false,
        };
        if set {
            self.known(field, &value.source, &value.as_of);
        } else {
            self.unknown.push(field.to_owned());
        }
    }

    /// Every value of the preset, in file order.
    fn values(&mut self, preset: &MarketPreset) {
        let values = &preset.values;
        let market = market_values(values);
        self.single(market[0]);
        let incentive = &values.tax_incentive;
        let known = match (incentive.value, incentive.rate, incentive.years) {
            (Some(Absent::None), ..) => Some(None),
            (None, Some(rate), Some(years)) if fraction(rate) => {
                Some(Some(TaxIncentive { rate, years }))
            }
            _ => None,
        };
        if let Some(known) = known {
            self.market.tax_incentive = known;
            self.known("tax_incentive", &incentive.source, &incentive.as_of);
        } else {
            self.unknown.push("tax_incentive".to_owned());
        }
        for entry in &market[1..] {
            self.single(*entry);
        }
        let reserve = &values.legal_reserve;
        let known = match (
            reserve.value,
            reserve.share_of_profit,
            reserve.cap_share_of_capital,
        ) {
            (Some(Absent::None), ..) => Some(None),
            (None, Some(share_of_profit), Some(cap_share_of_capital))
                if fraction(share_of_profit) && fraction(cap_share_of_capital) =>
            {
                Some(Some(LegalReserve {
                    share_of_profit,
                    cap_share_of_capital,
                }))
            }
            _ => None,
        };
        if let Some(known) = known {
            self.market.legal_reserve = known;
            self.known("legal_reserve", &reserve.source, &reserve.as_of);
        } else {
            self.unknown.push("legal_reserve".to_owned());
        }
        let cap = &values.royalty_cap;
        let known = match (cap.value, cap.kind, cap.rate) {
            (Some(Absent::None), ..) => Some(None),
            (None, Some(kind), Some(rate)) if fraction(rate) => Some(Some(RoyaltyCap {
                kind,
                rate,
                covers_fees: cap.covers_fees.unwrap_or(false),
            })),
            _ => None,
        };
        if let Some(known) = known {
            self.market.royalty_cap = known;
            self.known("royalty_cap", &cap.source, &cap.as_of);
        } else {
            self.unknown.push("royalty_cap".to_owned());
        }
        for entry in late_market_values(values) {
            self.single(entry);
        }
    }

    /// The treaty rates of one withholding for each foreign home country: the preset's rate
    /// where a treaty is in force, no rate where there is none, the deal's own where the
    /// preset does not say. Rates for countries no party comes from are dropped: they belong
    /// to the market the deal had before.
    fn treaties(
        &mut self,
        preset: &MarketPreset,
        homes: &[String],
        what: &str,
        pick: fn(&Treaty) -> &PresetValue,
    ) {
        let withholding: &mut Withholding = if what == "dividend_withholding" {
            &mut self.market.dividend_withholding
        } else {
            &mut self.market.royalty_withholding
        };
        let before = std::mem::take(&mut withholding.treaties);
        let mut known = Vec::new();
        for home in homes {
            let field = format!("{what}.treaties.{home}");
            let kept = || before.iter().find(|t| &t.country == home).cloned();
            let Some(treaty) = preset.treaties.get(home) else {
                withholding.treaties.extend(kept());
                self.unknown.push(field);
                continue;
            };
            let value = pick(treaty);
            let reading = read(Kind::OptionalRate, &value.value).unwrap_or(Reading::Unknown);
            match (treaty.status, reading) {
                (_, Reading::Unknown) => {
                    withholding.treaties.extend(kept());
                    self.unknown.push(field);
                }
                (TreatyStatus::InForce, Reading::Number(rate)) => {
                    withholding.treaties.push(TreatyRate {
                        country: home.clone(),
                        rate,
                    });
                    known.push((field, value));
                }
                // Not in force, or "none": the domestic rate applies, which is known too.
                _ => known.push((field, value)),
            }
        }
        for (field, value) in known {
            self.known(&field, &value.source, &value.as_of);
        }
    }
}

fn fraction(rate: Decimal) -> bool {
    (Decimal::ZERO..=Decimal::ONE).contains(&rate)
}

/// An optional rate: a number sets it, "none" clears it.
fn set_rate(field: &mut Option<Decimal>, reading: Reading) -> bool {
    match reading {
        Reading::Number(rate) => *field = Some(rate),
        Reading::None => *field = None,
        _ => return false,
    }
    true
}

/// An optional count of years: a number sets it, "none" clears it.
fn set_years(field: &mut Option<u32>, reading: Reading) -> bool {
    match reading {
        Reading::Whole(years) => *field = Some(years),
        Reading::None => *field = None,
        _ => return false,
    }
    true
}
