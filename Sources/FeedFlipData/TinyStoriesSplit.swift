import FeedFlipCore

/// A deterministic train/validation split of a corpus by story.
///
/// Rule: story i (0-based, file order) goes to validation exactly when
/// `u(i) < validationFraction`, where `u(i)` = the top 53 bits of
/// `splitmix64(seed XOR (i * 0x9E3779B97F4A7C15))` divided by 2^53, a uniform number in [0, 1).
/// Each story lands in exactly one part, the assignment of story i depends only on (i, seed)
/// (appending stories never moves earlier ones), and the validation share is about
/// `validationFraction` (binomial, not exact).
public struct TinyStoriesSplit: Sendable {
    /// Training stories in file order.
    public let train: [String]
    /// Validation stories in file order.
    public let validation: [String]
    /// The corpus indices of the training stories (empty when built from two texts).
    public let trainIndices: [Int]
    /// The corpus indices of the validation stories (empty when built from two texts).
    public let validationIndices: [Int]

    /// Uses two separate texts as the two parts, for example the subset for training and the
    /// flat V1 validation head as held-out text.
    public init(train: TinyStoriesCorpus, validation: TinyStoriesCorpus) {
        self.train = train.stories
        self.validation = validation.stories
        self.trainIndices = []
        self.validationIndices = []
    }

    init(train: [String], validation: [String], trainIndices: [Int], validationIndices: [Int]) {
        self.train = train
        self.validation = validation
        self.trainIndices = trainIndices
        self.validationIndices = validationIndices
    }

    /// Whether story `index` goes to the validation part under the rule above.
    public static func isValidation(index: Int, validationFraction: Double, seed: UInt64) -> Bool {
        var z = seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        z = z &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z = z ^ (z >> 31)
        let u = Double(z >> 11) / 9_007_199_254_740_992.0
        return u < validationFraction
    }

    /// The encoded windows of this split, with the vocabulary of the training part.
    /// `context` is the number of previous characters a window holds (>= 1).
    public func dataset(context: Int) -> CharDataset {
        CharDataset(trainTexts: train, validationTexts: validation, context: context)
    }
}

extension TinyStoriesCorpus {
    /// Splits the stories into training and validation parts by the rule of `TinyStoriesSplit`.
    /// - Throws: `DataError.malformed` (place "story split") when a part would hold no story.
    public func split(validationFraction: Double = 0.1, seed: UInt64 = 0) throws(DataError) -> TinyStoriesSplit {
        var tr = [String](), va = [String]()
        var ti = [Int](), vi = [Int]()
        for (i, s) in stories.enumerated() {
            if TinyStoriesSplit.isValidation(index: i, validationFraction: validationFraction, seed: seed) {
                va.append(s); vi.append(i)
            } else {
                tr.append(s); ti.append(i)
            }
        }
        for (part, stories) in [("training", tr), ("validation", va)] where stories.isEmpty {
            throw .malformed(path: source, place: "story split",
                             problem: "validation fraction \(validationFraction) leaves the \(part) part of \(count) stories empty",
                             fix: "use a validation fraction strictly between 0 and 1, or a file with more stories")
        }
        return TinyStoriesSplit(train: tr, validation: va, trainIndices: ti, validationIndices: vi)
    }
}
