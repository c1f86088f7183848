import Foundation

/// A metric key, the contract between the pipeline (which produces values) and the claims
/// (which check them): `family[variant|d=D|k=K]`, with the parts each family requires.
///
/// Families and their parts (variant names are the exact names, e.g. `Vanilla DFA`):
/// - `ts.rel_mse_pct[<variant>]`: time series, relative increase of the final MSE over
///   Backprop in percent, ratio of grid means over the depth × frequency grid;
/// - `ts.rel_mse_pct_cells[<variant>]`: the same as the mean of per-cell ratios, percent;
/// - `ts.final_mse[<variant>|d=<D>|k=<K>]`: mean final MSE of one cell over seeds;
/// - `ts.committed[d=<D>|k=<K>]`: final MSE of Backprop, 500 epochs, seed 0, reference mode;
/// - `ts.diverged[<variant>]`: number of diverged runs (a count);
/// - `ts.seed_spread[<variant>]`: std over seeds of the grid-mean final MSE;
/// - `ts.grid_mse[<variant>]`: the grid-mean final MSE over seeds (its `std` is the spread);
/// - `mnist.test_accuracy[<variant>|d=<D>]`: test accuracy, percent;
/// - `mnist.acc_drop_pp[<variant>|d=<D>]`: Backprop minus variant accuracy, percentage points;
/// - `tiny.bpc[<variant>|d=<D>]`: validation bits per character;
/// - `tiny.best_bpc[<variant>|d=<D>]`: the lowest validation bits per character over a run's
///   epochs (mean over seeds of each run's lowest);
/// - `tiny.unigram_bpc`, `tiny.bigram_bpc`: the baselines' entropies, bits per character.
public struct MetricKey: Hashable, Sendable, CustomStringConvertible {
    /// The family, e.g. `ts.rel_mse_pct`.
    public var family: String
    /// The variant's exact name, when the family has one.
    public var variant: String?
    /// The depth (number of hidden layers), when the family has one.
    public var depth: Int?
    /// The frequency k of the time-series target, when the family has one.
    public var frequency: Int?

    /// The parts a family's key carries.
    public struct Shape: Sendable, Equatable {
        /// Whether the first part is a variant name.
        public var variant: Bool
        /// Whether a `d=<D>` part follows.
        public var depth: Bool
        /// Whether a `k=<K>` part follows.
        public var frequency: Bool
    }

    /// Every known family with its shape, in documentation order.
    public static let families: [(name: String, shape: Shape)] = [
        ("ts.rel_mse_pct", Shape(variant: true, depth: false, frequency: false)),
        ("ts.rel_mse_pct_cells", Shape(variant: true, depth: false, frequency: false)),
        ("ts.final_mse", Shape(variant: true, depth: true, frequency: true)),
        ("ts.committed", Shape(variant: false, depth: true, frequency: true)),
        ("ts.diverged", Shape(variant: true, depth: false, frequency: false)),
        ("ts.seed_spread", Shape(variant: true, depth: false, frequency: false)),
        ("ts.grid_mse", Shape(variant: true, depth: false, frequency: false)),
        ("mnist.test_accuracy", Shape(variant: true, depth: true, frequency: false)),
        ("mnist.acc_drop_pp", Shape(variant: true, depth: true, frequency: false)),
        ("tiny.bpc", Shape(variant: true, depth: true, frequency: false)),
        ("tiny.best_bpc", Shape(variant: true, depth: true, frequency: false)),
        ("tiny.unigram_bpc", Shape(variant: false, depth: false, frequency: false)),
        ("tiny.bigram_bpc", Shape(variant: false, depth: false, frequency: false)),
    ]

    /// The families whose values count runs (written as integers).
    public static let countFamilies: Set<String> = ["ts.diverged"]

    /// Whether the metric key `text` (e.g. `ts.diverged[+Momentum]`) belongs to a count family.
    public static func isCount(_ text: String) -> Bool {
        countFamilies.contains(String(text.prefix { $0 != "[" }).trimmingCharacters(in: .whitespaces))
    }

    /// The families written as templates, e.g. `ts.final_mse[<variant>|d=<D>|k=<K>]`.
    public static var templates: [String] {
        families.map { template(family: $0.name, shape: $0.shape) }
    }

    /// A key from its parts (no validation; use `parse` for text from files).
    public init(family: String, variant: String? = nil, depth: Int? = nil, frequency: Int? = nil) {
        self.family = family
        self.variant = variant
        self.depth = depth
        self.frequency = frequency
    }

    /// The canonical text, e.g. `ts.final_mse[Vanilla DFA|d=2|k=3]`.
    public var description: String {
        var parts: [String] = []
        if let variant { parts.append(variant) }
        if let depth { parts.append("d=\(depth)") }
        if let frequency { parts.append("k=\(frequency)") }
        return parts.isEmpty ? family : "\(family)[\(parts.joined(separator: "|"))]"
    }

    /// The benchmark prefix of the family (`ts`, `mnist`, `tiny`).
    public var benchmark: String { String(family.prefix { $0 != "." }) }

    /// Parses `text`, checking the family and its parts; a variant name may be quoted
    /// (`ts.rel_mse_pct["Vanilla DFA"]`), the canonical form is unquoted.
    /// - Parameter variants: the accepted variant names; nil accepts any non-empty name.
    /// - Throws: a `MetricKey.Problem` saying what was expected.
    public static func parse(_ text: String, variants: [String]? = nil) throws(Problem) -> MetricKey {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var family = trimmed
        var inner: String? = nil
        if let open = trimmed.firstIndex(of: "[") {
            guard trimmed.hasSuffix("]") else {
                throw Problem(message: "metric \"\(text)\" has \"[\" without a closing \"]\" at the end")
            }
            family = String(trimmed[..<open])
            inner = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        }
        guard let shape = families.first(where: { $0.name == family })?.shape else {
            throw Problem(message: "unknown metric \"\(family)\"; known: "
                + families.map(\.name).joined(separator: ", "))
        }
        let expected = template(family: family, shape: shape)
        var parts = inner.map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) } ?? []
        let count = (shape.variant ? 1 : 0) + (shape.depth ? 1 : 0) + (shape.frequency ? 1 : 0)
        guard parts.count == count else {
            throw Problem(message: "metric \"\(text)\" should have the form \(expected)")
        }
        var key = MetricKey(family: family)
        if shape.variant {
            var name = parts.removeFirst().trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            guard !name.isEmpty else {
                throw Problem(message: "metric \"\(text)\" has an empty variant name; expected \(expected)")
            }
            if let variants, !variants.contains(name) {
                throw Problem(message: "metric \"\(text)\": unknown variant \"\(name)\"; known: "
                    + variants.joined(separator: ", "))
            }
            key.variant = name
        }
        func number(_ prefix: String) throws(Problem) -> Int {
            let part = parts.removeFirst()
            guard part.hasPrefix(prefix), let value = Int(part.dropFirst(prefix.count)), value > 0 else {
                throw Problem(message: "metric \"\(text)\": expected \"\(prefix)<positive integer>\" "
                    + "but found \"\(part)\"; form: \(expected)")
            }
            return value
        }
        if shape.depth { key.depth = try number("d=") }
        if shape.frequency { key.frequency = try number("k=") }
        return key
    }

    /// What is wrong with a metric key's text.
    public struct Problem: Error, Equatable, Sendable {
        /// One line naming the key and what was expected.
        public var message: String
    }

    private static func template(family: String, shape: Shape) -> String {
        var parts: [String] = []
        if shape.variant { parts.append("<variant>") }
        if shape.depth { parts.append("d=<D>") }
        if shape.frequency { parts.append("k=<K>") }
        return parts.isEmpty ? family : "\(family)[\(parts.joined(separator: "|"))]"
    }
}

extension MetricKey {
    /// `ts.rel_mse_pct[<variant>]`.
    public static func tsRelMSEPercent(_ variant: String) -> String {
        MetricKey(family: "ts.rel_mse_pct", variant: variant).description
    }
    /// `ts.rel_mse_pct_cells[<variant>]`.
    public static func tsRelMSEPercentCells(_ variant: String) -> String {
        MetricKey(family: "ts.rel_mse_pct_cells", variant: variant).description
    }
    /// `ts.final_mse[<variant>|d=<D>|k=<K>]`.
    public static func tsFinalMSE(_ variant: String, depth: Int, frequency: Int) -> String {
        MetricKey(family: "ts.final_mse", variant: variant, depth: depth, frequency: frequency).description
    }
    /// `ts.committed[d=<D>|k=<K>]`.
    public static func tsCommitted(depth: Int, frequency: Int) -> String {
        MetricKey(family: "ts.committed", depth: depth, frequency: frequency).description
    }
    /// `ts.diverged[<variant>]`.
    public static func tsDiverged(_ variant: String) -> String {
        MetricKey(family: "ts.diverged", variant: variant).description
    }
    /// `ts.seed_spread[<variant>]`.
    public static func tsSeedSpread(_ variant: String) -> String {
        MetricKey(family: "ts.seed_spread", variant: variant).description
    }
    /// `ts.grid_mse[<variant>]`.
    public static func tsGridMSE(_ variant: String) -> String {
        MetricKey(family: "ts.grid_mse", variant: variant).description
    }
    /// `mnist.test_accuracy[<variant>|d=<D>]`.
    public static func mnistTestAccuracy(_ variant: String, depth: Int) -> String {
        MetricKey(family: "mnist.test_accuracy", variant: variant, depth: depth).description
    }
    /// `mnist.acc_drop_pp[<variant>|d=<D>]`.
    public static func mnistAccuracyDrop(_ variant: String, depth: Int) -> String {
        MetricKey(family: "mnist.acc_drop_pp", variant: variant, depth: depth).description
    }
    /// `tiny.bpc[<variant>|d=<D>]`.
    public static func tinyBPC(_ variant: String, depth: Int) -> String {
        MetricKey(family: "tiny.bpc", variant: variant, depth: depth).description
    }
    /// `tiny.unigram_bpc`.
    public static let tinyUnigramBPC = "tiny.unigram_bpc"
    /// `tiny.bigram_bpc`.
    public static let tinyBigramBPC = "tiny.bigram_bpc"
}
