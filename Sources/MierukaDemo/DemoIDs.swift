/// Zero-padded ids (`R001`, `L0000001`, `A000000001`) without String(format:), which is too slow for
/// ten million activities. Up to 15 UTF-8 bytes, so Swift stores them inline without allocating.
@inline(__always)
func demoID(_ prefix: UInt8, _ number: Int, width: Int) -> String {
    var digits = 0
    var n = number
    repeat {
        digits += 1
        n /= 10
    } while n > 0
    let length = 1 + max(width, digits)
    return String(unsafeUninitializedCapacity: length) { buffer in
        buffer[0] = prefix
        var value = number
        var i = length - 1
        while i >= 1 {
            buffer[i] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
            i -= 1
        }
        return length
    }
}
