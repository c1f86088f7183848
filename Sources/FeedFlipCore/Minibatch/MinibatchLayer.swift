/// An owned, zero-initialised Float buffer (the engine's storage; freed with its owner).
final class MinibatchBuffer {
    let count: Int
    let p: UnsafeMutablePointer<Float>

    init(_ count: Int) {
        self.count = count
        p = .allocate(capacity: max(count, 1))
        p.initialize(repeating: 0, count: max(count, 1))
    }

    init(_ values: [Float]) {
        count = values.count
        p = .allocate(capacity: max(count, 1))
        p.initialize(repeating: 0, count: max(count, 1))
        values.withUnsafeBufferPointer { if let b = $0.baseAddress { p.update(from: b, count: count) } }
    }

    var array: [Float] { Array(UnsafeBufferPointer(start: p, count: count)) }

    deinit { p.deallocate() }
}

/// One dense layer's parameters and training state: forward weights `w` (fanOut, fanIn)
/// row-major, the variant's master copy (ternary units U, or shadow S / V), bias, momentum and,
/// for hidden layers of DFA variants, the feedback matrix (fanOut, classes).
final class MinibatchLayer {
    let fanIn: Int
    let fanOut: Int
    /// The weights the forward pass multiplies by.
    let w: MinibatchBuffer
    /// Ternary units U (w = scale · U) or float shadows (S, V); empty for float variants.
    let master: MinibatchBuffer
    let bias: MinibatchBuffer
    /// Momentum M of +Momentum hidden layers; empty otherwise.
    let velocity: MinibatchBuffer
    /// The fixed per-layer scale of non-shadow variants, 1/sqrt(fanIn · non-zero fraction at init).
    var scale: Float
    /// Feedback B_l (fanOut, classes); empty for the output layer and for Backprop.
    var feedback: MinibatchBuffer
    /// Frobenius norm of the initial feedback (calibration rescales to it).
    var feedbackNorm: Double

    init(fanIn: Int, fanOut: Int, hasMaster: Bool, hasVelocity: Bool) {
        self.fanIn = fanIn
        self.fanOut = fanOut
        w = MinibatchBuffer(fanIn * fanOut)
        master = MinibatchBuffer(hasMaster ? fanIn * fanOut : 0)
        bias = MinibatchBuffer(fanOut)
        velocity = MinibatchBuffer(hasVelocity ? fanIn * fanOut : 0)
        scale = 1
        feedback = MinibatchBuffer(0)
        feedbackNorm = 0
    }

    var weightCount: Int { fanIn * fanOut }
}

extension Array {
    /// Calls `body` with the base address of the elements (a dummy, never-read pointer when empty).
    func minibatchWithPointer<R>(_ body: (UnsafePointer<Element>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { buf in
            if let b = buf.baseAddress { return try body(b) }
            let dummy = UnsafeMutablePointer<Element>.allocate(capacity: 1)
            defer { dummy.deallocate() }
            return try body(dummy)
        }
    }

    /// Calls `body` with the mutable base address of the elements (a dummy when empty).
    mutating func minibatchWithMutablePointer<R>(_ body: (UnsafeMutablePointer<Element>) throws -> R) rethrows -> R {
        try withUnsafeMutableBufferPointer { buf in
            if let b = buf.baseAddress { return try body(b) }
            let dummy = UnsafeMutablePointer<Element>.allocate(capacity: 1)
            defer { dummy.deallocate() }
            return try body(dummy)
        }
    }
}
