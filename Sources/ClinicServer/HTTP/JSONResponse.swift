import Foundation
import Hummingbird

/// JSON responses with the content type and length set.
enum JSONResponse {
    /// `value` encoded as JSON with `status`.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data: Data
        do {
            data = try JSONEncoder().encode(value)
        } catch {
            // The wire types always encode; this keeps the contract if one ever does not.
            data = Data(#"{"error":{"code":"internal_error","message":"The response could not be encoded."}}"#.utf8)
            return raw(data, status: .internalServerError)
        }
        return raw(data, status: status)
    }

    /// Bytes that already are JSON.
    static func raw(_ data: some Collection<UInt8>, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
