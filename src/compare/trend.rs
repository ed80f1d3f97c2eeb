//! Trends: a signal's rate in every edition in date order, the change from the edition before, and an
//! alert when the latest rate exceeds the mean of the earlier ones by a chosen factor.

/// One signal in one edition.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    pub edition: String,
    pub date: Option<String>,
    pub mentions: u64,
    pub tokens: u64,
    pub per_10k: f64,
    /// per_10k minus that of the edition before; none for the first.
    pub change: Option<f64>,
    /// Only on the latest edition: its rate is above `factor` times the mean of the earlier rates.
    pub alert: bool,
}

/// The trend of one signal over `editions` (name, date, mentions, tokens), given in date order.
pub fn trend(editions: &[(String, Option<String>, u64, u64)], factor: f64) -> Vec<TrendPoint> {
    let rates: Vec<f64> = editions
        .iter()
        .map(|(_, _, mentions, tokens)| {
            if *tokens == 0 {
                0.0
            } else {
                *mentions as f64 / *tokens as f64 * 10_000.0
            }
        })
        .collect();
    let last = rates.len().saturating_sub(1);
    let earlier_mean = if last > 0 {
        rates[..last].iter().sum::<f64>() / last as f64
    } else {
        0.0
    };
    editions
        .iter()
        .enumerate()
        .map(|(i, (edition, date, mentions, tokens))| TrendPoint {
            edition: edition.clone(),
            date: date.clone(),
            mentions: *mentions,
            tokens: *tokens,
            per_10k: rates[i],
            change: i.checked_sub(1).map(|p| rates[i] - rates[p]),
            // A signal absent before that appears now is the clearest rise of all.
            alert: i == last && last > 0 && rates[i] > 0.0 && rates[i] > factor * earlier_mean,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition(name: &str, mentions: u64, tokens: u64) -> (String, Option<String>, u64, u64) {
        (name.to_string(), None, mentions, tokens)
    }

    #[test]
    fn changes_and_alerts() {
        let points = trend(
            &[
                edition("2019", 1, 10_000),
                edition("2021", 2, 10_000),
                edition("2023", 9, 10_000),
            ],
            2.0,
        );
        assert_eq!(points[0].change, None);
        assert!((points[1].change.unwrap() - 1.0).abs() < 1e-12);
        assert!(!points[1].alert, "only the latest edition raises an alert");
        // 9 per 10k against a mean of 1.5 earlier: over twice.
        assert!(points[2].alert);
        let calm = trend(
            &[edition("2019", 4, 10_000), edition("2021", 5, 10_000)],
            2.0,
        );
        assert!(!calm.last().unwrap().alert);
        let new = trend(
            &[edition("2019", 0, 10_000), edition("2021", 3, 10_000)],
            2.0,
        );
        assert!(new.last().unwrap().alert);
    }
}
