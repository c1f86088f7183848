/// The random draws a time-series run makes, by purpose. The reference mode serves every
/// purpose from one NumPy legacy stream (the original's global generator); the fast mode gives
/// each purpose its own `Xoshiro256StarStar` stream.
protocol RunRandomSource {
    /// A standard normal for `purpose`.
    mutating func normal(_ purpose: RandomPurpose) -> Double
    /// -1, 0 or +1 uniformly, for `purpose`.
    mutating func ternary(_ purpose: RandomPurpose) -> Double
    /// A uniform draw in [lo, hi) for `purpose`: `lo + (hi - lo) * U`.
    mutating func uniform(_ lo: Double, _ hi: Double, _ purpose: RandomPurpose) -> Double
}

extension LegacyRandomState: RunRandomSource {
    @inline(__always)
    mutating func normal(_ purpose: RandomPurpose) -> Double { standardNormal() }
    @inline(__always)
    mutating func ternary(_ purpose: RandomPurpose) -> Double { choiceTernary() }
    @inline(__always)
    mutating func uniform(_ lo: Double, _ hi: Double, _ purpose: RandomPurpose) -> Double { uniform(lo, hi) }
}

/// The fast mode's streams: one xoshiro256** per purpose, seeded from (seed, purpose).
struct FastRunRandom: RunRandomSource {
    var initialisation: Xoshiro256StarStar
    var feedback: Xoshiro256StarStar
    var dither: Xoshiro256StarStar

    init(seed: Int) {
        initialisation = Xoshiro256StarStar(seed: seed, purpose: .initialisation)
        feedback = Xoshiro256StarStar(seed: seed, purpose: .feedback)
        dither = Xoshiro256StarStar(seed: seed, purpose: .dither)
    }

    @inline(__always)
    mutating func normal(_ purpose: RandomPurpose) -> Double {
        switch purpose {
        case .feedback: return feedback.standardNormal()
        case .dither: return dither.standardNormal()
        default: return initialisation.standardNormal()
        }
    }

    @inline(__always)
    mutating func ternary(_ purpose: RandomPurpose) -> Double {
        switch purpose {
        case .feedback: return feedback.choiceTernary()
        case .dither: return dither.choiceTernary()
        default: return initialisation.choiceTernary()
        }
    }

    @inline(__always)
    mutating func uniform(_ lo: Double, _ hi: Double, _ purpose: RandomPurpose) -> Double {
        switch purpose {
        case .feedback: return feedback.uniform(lo, hi)
        case .dither: return dither.uniform(lo, hi)
        default: return initialisation.uniform(lo, hi)
        }
    }
}
