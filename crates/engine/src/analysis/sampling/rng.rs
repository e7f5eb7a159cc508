//! The random numbers behind sampling: xoshiro256** seeded through splitmix64, written here so
//! that "same seed, same result" does not depend on any crate's version.
//!
//! Every stream is keyed by `(seed, key)`, so what a driver draws depends only on the seed and
//! on which driver it is, never on the order in which threads run.

/// One step of splitmix64 (Steele, Lea and Flood), used to expand a seed into xoshiro's state.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** (Blackman and Vigna, 2018): fast, small and statistically strong.
#[derive(Debug, Clone)]
pub struct Stream {
    s: [u64; 4],
}

impl Stream {
    /// The stream for `key` under `seed`: the key is hashed through splitmix64 and mixed into
    /// the seed, and the result expanded into the 256-bit state (never all zero).
    #[must_use]
    pub fn new(seed: u64, key: u64) -> Self {
        let mut k = key;
        let mut mix = seed ^ splitmix64(&mut k);
        let s = [
            splitmix64(&mut mix),
            splitmix64(&mut mix),
            splitmix64(&mut mix),
            splitmix64(&mut mix),
        ];
        Self { s }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A uniform number in the open interval (0, 1): 53 random bits, centred in their cell, so
    /// neither 0 nor 1 is ever returned and every inverse CDF stays finite.
    pub fn next_open01(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let bits = (self.next_u64() >> 11) as f64;
        (bits + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A whole number in `0..n` (`n > 0`) by Lemire's multiply-shift; the bias is below
    /// `n / 2^64`, far under anything a simulation of this size can see.
    pub fn next_below(&mut self, n: usize) -> usize {
        let wide = u128::from(self.next_u64()) * (n as u128);
        // The high word is below `n`, so it fits in `usize`.
        usize::try_from(wide >> 64).unwrap_or(0)
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.next_below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Stream;

    #[test]
    fn xoshiro256_star_star_matches_the_reference_outputs() {
        // The reference implementation's first outputs from the state {1, 2, 3, 4}.
        let mut stream = Stream { s: [1, 2, 3, 4] };
        let first: Vec<u64> = (0..4).map(|_| stream.next_u64()).collect();
        assert_eq!(first, [11_520, 0, 1_509_978_240, 1_215_971_899_390_074_240]);
    }

    #[test]
    fn open_uniforms_never_touch_the_ends() {
        let mut zero = Stream { s: [0, 0, 0, 1] };
        for _ in 0..1_000 {
            let u = zero.next_open01();
            assert!(u > 0.0 && u < 1.0);
        }
    }
}
