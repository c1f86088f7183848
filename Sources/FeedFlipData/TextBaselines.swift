import Foundation
import FeedFlipCore

/// Count-based baselines of a character model, in bits per character of the validation
/// windows, fitted on the training windows with add-one (Laplace) smoothing.
///
/// Both score exactly the targets a `CharWindows` holds (every character of every story and
/// one end-of-story symbol per story) over the full vocabulary of V symbols (boundary and
/// unknown included), so they are directly comparable with a model's bits per character.
public enum TextBaselines {
    /// Unigram: `P(c) = (n(c) + 1) / (N + V)` with n(c) the training target counts and N their
    /// total; returns `-mean log2 P(c)` over the validation targets.
    public static func unigramBPC(train: CharWindows, validation: CharWindows, vocabularySize v: Int) -> Double {
        var counts = [Double](repeating: 0, count: v)
        for t in train.targetPositions { counts[Int(train.stream[Int(t)])] += 1 }
        let n = Double(train.count)
        var bits = 0.0
        for t in validation.targetPositions {
            let c = Int(validation.stream[Int(t)])
            bits -= log2((counts[c] + 1) / (n + Double(v)))
        }
        return bits / Double(max(validation.count, 1))
    }

    /// Bigram: `P(c | p) = (n(p, c) + 1) / (n(p) + V)` where p is the symbol before the target
    /// (the boundary at a story's start) and n(p) = the number of training targets after p;
    /// returns `-mean log2 P(c | p)` over the validation targets.
    public static func bigramBPC(train: CharWindows, validation: CharWindows, vocabularySize v: Int) -> Double {
        var pair = [Double](repeating: 0, count: v * v)
        var prev = [Double](repeating: 0, count: v)
        for t in train.targetPositions {
            let p = Int(train.stream[Int(t) - 1]), c = Int(train.stream[Int(t)])
            pair[p * v + c] += 1
            prev[p] += 1
        }
        var bits = 0.0
        for t in validation.targetPositions {
            let p = Int(validation.stream[Int(t) - 1]), c = Int(validation.stream[Int(t)])
            bits -= log2((pair[p * v + c] + 1) / (prev[p] + Double(v)))
        }
        return bits / Double(max(validation.count, 1))
    }
}
