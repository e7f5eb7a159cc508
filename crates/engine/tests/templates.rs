//! The deal templates of `templates/` (what "New deal" offers): each one reads, evaluates
//! without warnings, pays both parties above their hurdle, and has the structure its
//! industry needs. The figures pinned here are the ones `templates/README.md` reports;
//! when a template is retuned, update both.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jv_engine::model::{Role, Units, Valuation};
use jv_engine::{Deal, Evaluation, evaluate, read_deal};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const E3W: &str = include_str!("../../../templates/e3w-ckd-dealer.jvdeal");
const MOTORCYCLE: &str = include_str!("../../../templates/motorcycle-assembly.jvdeal");
const COATINGS: &str = include_str!("../../../templates/coatings-blending.jvdeal");
const MACHINERY: &str = include_str!("../../../templates/machinery-service.jvdeal");

const ALL: [(&str, &str); 4] = [
    ("e3w-ckd-dealer", E3W),
    ("motorcycle-assembly", MOTORCYCLE),
    ("coatings-blending", COATINGS),
    ("machinery-service", MACHINERY),
];

fn read(text: &str) -> Deal {
    match read_deal(text) {
        Ok(deal) => deal,
        Err(e) => panic!("the template does not read: {e:?}"),
    }
}

fn run(deal: &Deal) -> Evaluation {
    match evaluate(deal) {
        Ok(ev) => ev,
        Err(e) => panic!("the template does not evaluate: {e:?}"),
    }
}

/// Year-1 units and the ramp's ceiling.
fn ramp(deal: &Deal) -> (Decimal, Decimal) {
    match &deal.plan.units {
        Units::Ramp {
            first_year,
            capacity: Some(capacity),
            ..
        } => (*first_year, *capacity),
        other => panic!("templates use a capped ramp, not {other:?}"),
    }
}

/// (party id, cash-view NPV rounded to whole USD, cash-view IRR rounded to 4 places).
fn cash_view(ev: &Evaluation) -> Vec<(&str, Decimal, Decimal)> {
    ev.parties
        .iter()
        .map(|p| {
            let irr = p.views.cash.irr.expect("every party puts in cash");
            (p.id.as_str(), p.views.cash.npv.round_dp(0), irr.round_dp(4))
        })
        .collect()
}

#[test]
fn every_template_evaluates_cleanly_and_pays_both_parties_above_their_hurdle() {
    for (name, text) in ALL {
        let deal = read(text);
        let ev = run(&deal);
        assert!(ev.warnings.is_empty(), "{name}: {:?}", ev.warnings);
        assert_eq!(ev.parties.len(), 2, "{name}");
        for p in &ev.parties {
            for (view, m) in [("cash", &p.views.cash), ("economic", &p.views.economic)] {
                assert!(
                    m.npv > Decimal::ZERO,
                    "{name} {} {view}: NPV {}",
                    p.id,
                    m.npv
                );
                assert_eq!(m.irr_status, "unique", "{name} {} {view}", p.id);
                let irr = m.irr.unwrap();
                // Positive but not absurd: above the party's hurdle, below 50 %.
                assert!(
                    irr > p.discount_rate && irr < dec!(0.50),
                    "{name} {}: {irr}",
                    p.id
                );
            }
        }
        // The JV itself earns a plausible return on its unlevered cash flow.
        let project = ev.jv.project_irr.unwrap();
        assert!(
            project > dec!(0.10) && project < dec!(0.25),
            "{name}: {project}"
        );
    }
}

#[test]
fn every_template_has_generic_parties_and_a_kenya_starting_market() {
    for (name, text) in ALL {
        let deal = read(text);
        let maker = &deal.parties[0];
        let partner = &deal.parties[1];
        assert_eq!(
            (maker.id.as_str(), maker.name.as_str(), maker.role),
            ("maker", "Manufacturer", Role::TechnologyPartner),
            "{name}"
        );
        assert_eq!(maker.home_country, "CN", "{name}");
        assert_eq!(
            (partner.id.as_str(), partner.name.as_str(), partner.role),
            ("partner", "Local partner", Role::LocalPartner),
            "{name}"
        );
        // The local partner is resident wherever the market is.
        assert_eq!(partner.home_country, deal.market.country, "{name}");
        // Both bring cash, so capital-import registration and the cash IRR both work.
        for p in &deal.parties {
            assert!(
                p.contributions.iter().any(
                    |c| matches!(c.valuation, Valuation::Agreed { value } if value > Decimal::ZERO)
                        && c.kind == jv_engine::model::ContributionKind::Cash
                ),
                "{name}: {} brings no cash",
                p.id
            );
        }
        // No technology stake valued by relief from royalty beside a running royalty.
        assert!(
            deal.parties
                .iter()
                .flat_map(|p| &p.contributions)
                .all(|c| !matches!(c.valuation, Valuation::ReliefFromRoyalty { .. })),
            "{name}"
        );
        // Kenya as a neutral starting point, said so in the description.
        let m = &deal.market;
        assert_eq!(
            (m.country.as_str(), m.currency.as_str()),
            ("KE", "KES"),
            "{name}"
        );
        assert_eq!(
            (
                m.corporate_tax_rate,
                m.fx_spot,
                m.inflation,
                m.other_import_levies
            ),
            (dec!(0.30), dec!(129), dec!(0.045), dec!(0.045)),
            "{name}"
        );
        assert_eq!(
            (
                m.dividend_withholding.non_resident,
                m.royalty_withholding.non_resident
            ),
            (dec!(0.15), dec!(0.20)),
            "{name}"
        );
        assert!(m.preset.is_none() && m.rules.is_empty(), "{name}");
        assert!(
            deal.description.contains("neutral starting point")
                && deal.description.contains("picking a market"),
            "{name}"
        );
        // Every agreement a JV of this kind needs is there.
        let a = &deal.agreements;
        assert_eq!(a.kit_supply.supplier.as_deref(), Some("maker"), "{name}");
        assert!(a.kit_supply.kit_margin > Decimal::ZERO, "{name}");
        assert_eq!(a.licence.as_ref().unwrap().licensor, "maker", "{name}");
        assert_eq!(
            a.distribution.as_ref().unwrap().distributor,
            "partner",
            "{name}"
        );
    }
}

#[test]
fn e3w_template_is_ckd_assembly_with_licence_fee_kit_margin_and_dealer_margin() {
    let deal = read(E3W);
    let licence = deal.agreements.licence.as_ref().unwrap();
    assert_eq!(
        (licence.royalty_rate, licence.technical_fee),
        (dec!(0.03), dec!(40000))
    );
    let kit = &deal.agreements.kit_supply;
    assert_eq!(
        (kit.kit_fob_price, kit.kit_margin, kit.freight_insurance),
        (dec!(2100), dec!(0.10), dec!(0.08))
    );
    let dist = deal.agreements.distribution.as_ref().unwrap();
    assert_eq!(
        (dist.dealer_margin, dist.cost_to_serve),
        (dec!(0.10), dec!(0.05))
    );
    // Kenya's 15 % rate for vehicle assemblers applies to this industry.
    assert_eq!(deal.market.tax_incentive.as_ref().unwrap().rate, dec!(0.15));
    assert_eq!(deal.market.import_duty_kits, dec!(0));
    assert_eq!(ramp(&deal), (dec!(500), dec!(2400)));

    let ev = run(&deal);
    let y1 = &ev.projection.years[1];
    // Year 1's FX by relative PPP: 129 × 1.045 ÷ 1.025.
    assert!((y1.fx - dec!(131.517073)).abs() < dec!(0.000001));
    // Landed kit: 2,100 × 1.08 freight × 1.045 (0 % duty + 4.5 % levies) = USD 2,370.06.
    assert!((y1.landed_kit_cost - dec!(2370.06) * y1.fx).abs() < dec!(0.000001));
    // 500 units at KES 480,000 less the 10 % dealer margin.
    assert_eq!(y1.revenue, dec!(216000000));
    // Technology 900k × (1 − 0.30) = 630k + 1.0m cash against 400k + 900k: 1.63m ÷ 2.93m.
    let shares: Vec<Decimal> = ev.equity.parties.iter().map(|r| r.shares).collect();
    assert_eq!(shares, vec![dec!(556314), dec!(443686)]);
    assert_eq!(ev.jv.first_profit_year, Some(5));
    assert_eq!(
        cash_view(&ev),
        vec![
            ("maker", dec!(2343266), dec!(0.3959)),
            ("partner", dec!(519052), dec!(0.2551))
        ]
    );
    // Both side channels reach the maker; the dealer earns its distribution margin.
    let maker = &ev.parties[0].views.cash.pv_by_channel;
    assert!(maker.kit_margin > Decimal::ZERO && maker.royalties > Decimal::ZERO);
    assert!(ev.parties[1].views.cash.pv_by_channel.distribution > Decimal::ZERO);
}

#[test]
fn motorcycle_template_has_higher_volumes_lower_price_a_line_and_a_loan() {
    let deal = read(MOTORCYCLE);
    let e3w = read(E3W);
    let (first, capacity) = ramp(&deal);
    assert_eq!((first, capacity), (dec!(7000), dec!(18000)));
    assert!(first > ramp(&e3w).0 && capacity > ramp(&e3w).1);
    assert_eq!(deal.plan.retail_price, dec!(150000));
    assert!(deal.plan.retail_price < e3w.plan.retail_price);
    assert!(deal.agreements.kit_supply.kit_fob_price < e3w.agreements.kit_supply.kit_fob_price);
    // The local assembly line and its test benches at closing, second-shift tooling later.
    let at_closing: Decimal = deal
        .plan
        .capex
        .iter()
        .filter(|c| c.year == 0)
        .map(|c| c.amount)
        .sum();
    assert_eq!(at_closing, dec!(225000000));
    assert!(deal.plan.capex.iter().any(|c| c.year == 4));
    let loan = deal.financing.loan.as_ref().unwrap();
    assert_eq!(
        (loan.amount, loan.rate, loan.tenor_years, loan.drawdown_year),
        (dec!(180000000), dec!(0.14), 6, 0)
    );

    let ev = run(&deal);
    assert_eq!(ev.projection.years[1].revenue, dec!(966000000)); // 7,000 × 150,000 × 0.92
    assert_eq!(ev.projection.years[6].units, dec!(18000));
    assert_eq!(ev.projection.years[1].loan_balance, dec!(150000000));
    assert_eq!(ev.jv.first_profit_year, Some(4));
    assert_eq!(
        cash_view(&ev),
        vec![
            ("maker", dec!(3784998), dec!(0.4104)),
            ("partner", dec!(1629167), dec!(0.3553))
        ]
    );
}

#[test]
fn coatings_template_counts_tonnes_of_blended_product() {
    let deal = read(COATINGS);
    // Units are tonnes: thousands a year, not vehicles.
    assert_eq!(ramp(&deal), (dec!(1200), dec!(4000)));
    // Price, concentrate "kit" and local raw materials are per tonne.
    assert_eq!(deal.plan.retail_price, dec!(390000));
    assert_eq!(deal.agreements.kit_supply.kit_fob_price, dec!(1150));
    assert_eq!(deal.plan.local_parts_per_unit, dec!(60000));
    // A formulation licence without a technical fee; distributors' margin net of their costs.
    let licence = deal.agreements.licence.as_ref().unwrap();
    assert_eq!(
        (licence.royalty_rate, licence.technical_fee),
        (dec!(0.04), dec!(0))
    );
    let dist = deal.agreements.distribution.as_ref().unwrap();
    assert_eq!(
        (dist.dealer_margin, dist.cost_to_serve),
        (dec!(0.18), dec!(0.13))
    );
    // Not a vehicle assembler: no assembler incentive; concentrates in the 10 % CET band.
    assert!(deal.market.tax_incentive.is_none());
    assert_eq!(deal.market.import_duty_kits, dec!(0.10));
    assert!(deal.financing.loan.is_none());

    let ev = run(&deal);
    let y1 = &ev.projection.years[1];
    assert_eq!(y1.units, dec!(1200));
    assert_eq!(y1.revenue, dec!(383760000)); // 1,200 t × 390,000 × 0.82
    // 1,150 × 1.10 freight × 1.145 (10 % duty + 4.5 % levies) = USD 1,448.425 a tonne.
    assert!((y1.landed_kit_cost - dec!(1448.425) * y1.fx).abs() < dec!(0.000001));
    assert_eq!(ev.projection.years[8].units, dec!(4000));
    assert_eq!(ev.jv.first_profit_year, Some(4));
    assert_eq!(
        cash_view(&ev),
        vec![
            ("maker", dec!(2261818), dec!(0.3520)),
            ("partner", dec!(954995), dec!(0.2999))
        ]
    );
}

#[test]
fn machinery_template_sells_few_dear_machines_through_service_partners() {
    let deal = read(MACHINERY);
    let others = [read(E3W), read(MOTORCYCLE), read(COATINGS)];
    let (first, capacity) = ramp(&deal);
    assert_eq!((first, capacity), (dec!(120), dec!(450)));
    assert!(others.iter().all(|d| ramp(d).1 > capacity));
    assert_eq!(deal.plan.retail_price, dec!(2650000));
    assert!(
        others
            .iter()
            .all(|d| d.plan.retail_price < deal.plan.retail_price)
    );
    // After-sales service through the fields that exist: the service partners' margin and
    // cost to serve, the warranty rate, and the parts package inside the kit and the price.
    let dist = deal.agreements.distribution.as_ref().unwrap();
    assert_eq!(
        (dist.dealer_margin, dist.cost_to_serve),
        (dec!(0.18), dec!(0.10))
    );
    assert_eq!(deal.plan.warranty_rate, dec!(0.025));
    assert!(
        deal.description
            .contains("two-year service and parts package")
    );
    assert!(deal.market.tax_incentive.is_none());
    // Heavy working capital, funded by a loan drawn in year 1.
    assert_eq!(deal.plan.working_capital.inventory_days, dec!(90));
    assert_eq!(deal.financing.loan.as_ref().unwrap().drawdown_year, 1);

    let ev = run(&deal);
    assert_eq!(ev.projection.years[1].revenue, dec!(260760000)); // 120 × 2,650,000 × 0.82
    assert!(ev.projection.years.iter().all(|y| y.capital_call.is_zero()));
    assert_eq!(ev.jv.first_profit_year, Some(5));
    assert_eq!(
        cash_view(&ev),
        vec![
            ("maker", dec!(1475889), dec!(0.3068)),
            ("partner", dec!(975479), dec!(0.3328))
        ]
    );
}
