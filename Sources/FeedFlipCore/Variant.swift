/// How the output error is carried back to each hidden layer.
public enum FeedbackKind: String, Sendable, Codable, CaseIterable {
    /// Exact backpropagation through the transposed forward weights.
    case backprop
    /// A fixed random matrix per layer (METHODS.md "random").
    case random
    /// Columns of one orthogonal matrix from a Householder QR ("ortho column").
    case orthoColumn
    /// The same orthogonal matrix for every layer, error replicated ("block ortho").
    case blockOrtho
}

/// What the forward pass multiplies by: float weights or a ternary/binary image of them.
public enum ForwardWeights: String, Sendable, Codable, CaseIterable {
    /// Full-precision weights, updated by SGD.
    case float
    /// `Qf`: fixed quantizer with threshold 0 applied after every update ("static Δ").
    case fixedTernary
    /// `Qs`: stochastic (dithered) ternary quantizer with adaptive threshold 0.7·mean|W|.
    case stochasticTernary
    /// Float shadow weights S; the forward pass uses sign(S) ("+Shadow").
    case signOfShadow
    /// Float shadow weights V; forward W = scale·Qd(V, 0.7·mean|V|) ("FeedFlip", Part 2 only).
    case ternaryOfShadow
}

/// One training variant of the paper: a value (feedback × forward weights × extras), never a
/// string compared in several places. `name` is the exact name the reference spells.
public struct Variant: Hashable, Sendable, CustomStringConvertible {
    /// The exact name used by the original implementation and the paper's table.
    public let name: String
    /// A stable, file-system-safe name (ASCII letters, digits, `_` and `-`).
    public let fileName: String
    /// How hidden layers receive the error.
    public let feedback: FeedbackKind
    /// What the forward pass uses as weights.
    public let forward: ForwardWeights
    /// Whether the feedback matrices are recalibrated from backprop deltas.
    public let calibrated: Bool
    /// Whether hidden layers get the momentum re-quantization step.
    public let momentum: Bool

    public var description: String { name }

    /// Whether the forward weights are ternary or binary (anything but `.float`).
    public var isQuantized: Bool { forward != .float }

    public static let backprop = Variant(name: "Backprop", fileName: "Backprop",
        feedback: .backprop, forward: .float, calibrated: false, momentum: false)
    public static let vanillaDFA = Variant(name: "Vanilla DFA", fileName: "Vanilla_DFA",
        feedback: .random, forward: .float, calibrated: false, momentum: false)
    public static let structuredDFA = Variant(name: "Structured DFA", fileName: "Structured_DFA",
        feedback: .orthoColumn, forward: .float, calibrated: false, momentum: false)
    public static let ternaryStatic = Variant(name: "Ternary static Δ",
        fileName: "Ternary_static_Delta",
        feedback: .random, forward: .fixedTernary, calibrated: false, momentum: false)
    public static let ternaryAdaptive = Variant(name: "Ternary + adaptive Δ",
        fileName: "Ternary_adaptive_Delta",
        feedback: .random, forward: .stochasticTernary, calibrated: false, momentum: false)
    public static let ternaryAdaptiveOrtho = Variant(name: "Ternary + adaptive + ortho B",
        fileName: "Ternary_adaptive_orthoB",
        feedback: .orthoColumn, forward: .stochasticTernary, calibrated: false, momentum: false)
    public static let ternaryAdaptiveOrthoCal = Variant(name: "Ternary + adaptive + ortho B + cal",
        fileName: "Ternary_adaptive_orthoB_cal",
        feedback: .orthoColumn, forward: .stochasticTernary, calibrated: true, momentum: false)
    public static let shadow = Variant(name: "+Shadow", fileName: "Shadow",
        feedback: .orthoColumn, forward: .signOfShadow, calibrated: false, momentum: false)
    public static let momentum = Variant(name: "+Momentum", fileName: "Momentum",
        feedback: .orthoColumn, forward: .stochasticTernary, calibrated: false, momentum: true)
    public static let transformerLLM = Variant(name: "Ternary DFA on Transformer/LLM",
        fileName: "Ternary_DFA_Transformer_LLM",
        feedback: .blockOrtho, forward: .stochasticTernary, calibrated: true, momentum: false)
    /// The method the paper proposes (METHODS.md Part 2): shadow weights + ternary forward.
    public static let feedFlip = Variant(name: "FeedFlip", fileName: "FeedFlip",
        feedback: .random, forward: .ternaryOfShadow, calibrated: false, momentum: false)

    /// The ten variants of the time-series task, in the reference's order.
    public static let timeSeries: [Variant] = [
        .backprop, .vanillaDFA, .structuredDFA, .ternaryStatic, .ternaryAdaptive,
        .ternaryAdaptiveOrtho, .ternaryAdaptiveOrthoCal, .shadow, .momentum, .transformerLLM,
    ]

    /// The eleven variants of the MNIST and TinyStories tasks (the ten plus FeedFlip).
    public static let all: [Variant] = timeSeries + [.feedFlip]

    /// Looks a variant up by its exact name or its file name.
    /// - Throws: `VariantError.unknown` listing the known names.
    public static func named(_ name: String, among known: [Variant] = Variant.all) throws(VariantError) -> Variant {
        if let v = known.first(where: { $0.name == name || $0.fileName == name }) { return v }
        throw .unknown(name, known: known.map(\.name))
    }
}

/// A variant name that is not one of the known variants.
public enum VariantError: Error, Equatable, CustomStringConvertible {
    /// The name given and the names that would have been accepted.
    case unknown(String, known: [String])

    public var description: String {
        switch self {
        case let .unknown(name, known):
            return "unknown variant \"\(name)\"; known: " + known.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }
}

extension Variant: Codable {
    /// Decodes a variant from its exact name (or file name).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let name = try c.decode(String.self)
        do { self = try Variant.named(name) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
        }
    }

    /// Encodes a variant as its exact name.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}
