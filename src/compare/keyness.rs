//! Keyness between edition A and edition B: the log ratio of the two rates, Dunning's
//! log-likelihood G2 (signed: positive when relatively more frequent in B), its p-value from the
//! chi-squared distribution with one degree of freedom, and a status a reader can act on.

/// When a change counts as rising or falling.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// |G2| at least this (3.84 is p < 0.05 with one degree of freedom).
    pub g2: f64,
    /// |log2 ratio| at least this (1 is a doubling or halving).
    pub log_ratio: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            g2: 3.84,
            log_ratio: 1.0,
        }
    }
}

/// What happened to a signal from A to B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Not in A, in B.
    New,
    Rising,
    Falling,
    /// In A, not in B.
    Gone,
    Stable,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Rising => "rising",
            Status::Falling => "falling",
            Status::Gone => "gone",
            Status::Stable => "stable",
        }
    }
}

/// The statistics of one signal between two editions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keyness {
    pub count_a: u64,
    pub count_b: u64,
    pub tokens_a: u64,
    pub tokens_b: u64,
    pub per10k_a: f64,
    pub per10k_b: f64,
    /// log2(((count_b + 0.5) / tokens_b) / ((count_a + 0.5) / tokens_a)).
    pub log_ratio: f64,
    /// Signed G2: positive when relatively more frequent in B.
    pub g2: f64,
    pub p_value: f64,
    pub status: Status,
}

/// The keyness of a signal counted `count_a` times in `tokens_a` words and `count_b` in `tokens_b`.
pub fn keyness(
    count_a: u64,
    count_b: u64,
    tokens_a: u64,
    tokens_b: u64,
    thresholds: Thresholds,
) -> Keyness {
    let (ca, cb, ta, tb) = (
        count_a as f64,
        count_b as f64,
        tokens_a as f64,
        tokens_b as f64,
    );
    let rate = |c: f64, t: f64| if t > 0.0 { c / t } else { 0.0 };
    let log_ratio = if ta > 0.0 && tb > 0.0 {
        (((cb + 0.5) / tb) / ((ca + 0.5) / ta)).log2()
    } else {
        0.0
    };
    let total = ta + tb;
    let (expected_a, expected_b) = if total > 0.0 {
        (ta * (ca + cb) / total, tb * (ca + cb) / total)
    } else {
        (0.0, 0.0)
    };
    // 0 ln 0 = 0.
    let term = |observed: f64, expected: f64| {
        if observed > 0.0 && expected > 0.0 {
            observed * (observed / expected).ln()
        } else {
            0.0
        }
    };
    let magnitude = (2.0 * (term(ca, expected_a) + term(cb, expected_b))).max(0.0);
    let g2 = if rate(cb, tb) >= rate(ca, ta) {
        magnitude
    } else {
        -magnitude
    };
    let status = if count_a == 0 && count_b > 0 {
        Status::New
    } else if count_b == 0 && count_a > 0 {
        Status::Gone
    } else if g2 >= thresholds.g2 && log_ratio >= thresholds.log_ratio {
        Status::Rising
    } else if g2 <= -thresholds.g2 && log_ratio <= -thresholds.log_ratio {
        Status::Falling
    } else {
        Status::Stable
    };
    Keyness {
        count_a,
        count_b,
        tokens_a,
        tokens_b,
        per10k_a: rate(ca, ta) * 10_000.0,
        per10k_b: rate(cb, tb) * 10_000.0,
        log_ratio,
        g2,
        p_value: chi2_1_survival(magnitude),
        status,
    }
}

/// P(X >= x) for X chi-squared with one degree of freedom: erfc(sqrt(x / 2)).
fn chi2_1_survival(x: f64) -> f64 {
    libm::erfc((x / 2.0).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worked_example() {
        // Rusland: 0 mentions in 2,385 words of NVS 2019, 13 in 11,218 of the 2021 review.
        let k = keyness(0, 13, 2385, 11218, Thresholds::default());
        let expected_b: f64 = 11218.0 * 13.0 / (2385.0 + 11218.0);
        let g2 = 2.0 * 13.0 * (13.0 / expected_b).ln();
        assert!((k.g2 - g2).abs() < 1e-12);
        assert!((k.log_ratio - ((13.5_f64 / 11218.0) / (0.5 / 2385.0)).log2()).abs() < 1e-12);
        assert_eq!(k.status, Status::New);
        assert!(k.p_value > 0.0 && k.p_value < 1.0);
    }

    #[test]
    fn signs_and_statuses() {
        let rising = keyness(2, 40, 10_000, 10_000, Thresholds::default());
        assert!(rising.g2 > 3.84 && rising.log_ratio > 1.0);
        assert_eq!(rising.status, Status::Rising);
        let falling = keyness(40, 2, 10_000, 10_000, Thresholds::default());
        assert!(falling.g2 < -3.84);
        assert_eq!(falling.status, Status::Falling);
        assert_eq!(
            keyness(5, 0, 10_000, 10_000, Thresholds::default()).status,
            Status::Gone
        );
        let same = keyness(10, 10, 10_000, 10_000, Thresholds::default());
        assert_eq!((same.g2, same.status), (0.0, Status::Stable));
        assert!((same.p_value - 1.0).abs() < 1e-12);
        // Significant but not doubled: stable at the default, rising when half a doubling will do.
        let modest = keyness(100, 150, 10_000, 10_000, Thresholds::default());
        assert_eq!(modest.status, Status::Stable);
        let loose = Thresholds {
            g2: 3.84,
            log_ratio: 0.5,
        };
        assert_eq!(
            keyness(100, 150, 10_000, 10_000, loose).status,
            Status::Rising
        );
    }

    #[test]
    fn p_value_of_the_critical_value() {
        assert!((chi2_1_survival(3.841458820694124) - 0.05).abs() < 1e-12);
        assert!((chi2_1_survival(6.6348966010212145) - 0.01).abs() < 1e-12);
    }
}
