//! Carry-forward pools for tax losses and disallowed interest, used oldest first.

use rust_decimal::Decimal;

/// Amounts carried forward by the year they arose, with an optional life in years.
#[derive(Debug, Clone, Default)]
pub struct CarryForward {
    entries: Vec<(usize, Decimal)>,
    life: Option<u32>,
}

impl CarryForward {
    /// An empty pool whose entries may be used for `life` years after they arise (none:
    /// without limit).
    pub fn new(life: Option<u32>) -> Self {
        Self {
            entries: Vec::new(),
            life,
        }
    }

    /// Adds an amount that arose in `year`.
    pub fn add(&mut self, year: usize, amount: Decimal) {
        if amount > Decimal::ZERO {
            self.entries.push((year, amount));
        }
    }

    /// Uses up to `wanted` in `year`, oldest first, dropping what has expired; returns the
    /// amount used.
    pub fn take(&mut self, year: usize, wanted: Decimal) -> Decimal {
        if let Some(life) = self.life {
            self.entries
                .retain(|(arose, _)| year <= arose + life as usize);
        }
        let mut used = Decimal::ZERO;
        for (_, amount) in &mut self.entries {
            let step = (*amount).min(wanted - used);
            if step <= Decimal::ZERO {
                break;
            }
            *amount -= step;
            used += step;
        }
        self.entries.retain(|(_, amount)| *amount > Decimal::ZERO);
        used
    }

    /// What is left in the pool.
    pub fn balance(&self) -> Decimal {
        self.entries.iter().map(|(_, a)| a).sum()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn oldest_first_and_expiry() {
        let mut pool = CarryForward::new(Some(2));
        pool.add(1, dec!(100));
        pool.add(2, dec!(50));
        // Year 4: the year-1 loss has expired (usable through year 3).
        assert_eq!(pool.take(4, dec!(80)), dec!(50));
        assert_eq!(pool.balance(), dec!(0));
    }

    #[test]
    fn unlimited_pool_uses_oldest_first() {
        let mut pool = CarryForward::new(None);
        pool.add(1, dec!(100));
        pool.add(3, dec!(50));
        assert_eq!(pool.take(9, dec!(120)), dec!(120));
        assert_eq!(pool.balance(), dec!(30));
    }
}
