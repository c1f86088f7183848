/// A source of uniformly distributed 64-bit words and doubles, used by the ziggurat.
public protocol UInt64Source {
    /// The next 64 random bits.
    mutating func next() -> UInt64
    /// A double in [0, 1) with 53 random bits.
    mutating func double() -> Double
}

extension PCG64: UInt64Source {}

/// NumPy's 256-layer ziggurat for standard normal doubles (`random_standard_normal` in
/// numpy/random/src/distributions/distributions.c), on any 64-bit source.
public enum Ziggurat {
    /// The right edge of the base layer, `ziggurat_nor_r`.
    static let r = 3.6541528853610088
    /// `ziggurat_nor_inv_r` = 1 / r.
    static let invR = 0.27366123732975828

    /// One standard normal: bits 0-7 pick the layer, bit 8 the sign, bits 9-60 the magnitude.
    @inline(__always)
    public static func standardNormal<S: UInt64Source>(_ source: inout S) -> Double {
        while true {
            var r = source.next()
            let idx = Int(r & 0xff)
            r >>= 8
            let sign = r & 1
            let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff
            var x = Double(rabs) * Double(bitPattern: ZigguratTables.wiBits[idx])
            if sign & 1 != 0 { x = -x }
            if rabs < ZigguratTables.ki[idx] { return x }
            if idx == 0 {
                while true {
                    let xx = -invR * LibM.log(1.0 - source.double())
                    let yy = -LibM.log(1.0 - source.double())
                    if yy + yy > xx * xx {
                        return (rabs >> 8) & 1 != 0 ? -(Ziggurat.r + xx) : Ziggurat.r + xx
                    }
                }
            } else {
                let f0 = Double(bitPattern: ZigguratTables.fiBits[idx - 1])
                let f1 = Double(bitPattern: ZigguratTables.fiBits[idx])
                if (f0 - f1) * source.double() + f1 < LibM.exp(-0.5 * x * x) { return x }
            }
        }
    }
}

/// `np.random.default_rng(seed)` restricted to what the engine needs: standard normals by the
/// ziggurat on `PCG64(SeedSequence(seed))`.
public struct DefaultRNG: Sendable {
    /// The bit generator.
    public private(set) var bits: PCG64

    /// `np.random.default_rng(seed)`.
    public init(seed: UInt64) { bits = PCG64(seed: seed) }

    /// `standard_normal()`.
    public mutating func standardNormal() -> Double { Ziggurat.standardNormal(&bits) }

    /// `standard_normal(count)`.
    public mutating func standardNormal(count: Int) -> [Double] {
        (0..<count).map { _ in standardNormal() }
    }
}
