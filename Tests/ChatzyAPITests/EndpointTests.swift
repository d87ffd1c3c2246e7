import ChatzyAPI
import Foundation
import Testing

/// Which base URLs are accepted, and why the others are refused.
@Suite struct EndpointTests {
    func endpoint(_ text: String, insecure: Bool = false) -> Result<ChatzyEndpoint, APIError> {
        do throws(APIError) {
            return .success(try ChatzyEndpoint(baseURL: URL(string: text)!, allowInsecureHTTP: insecure))
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: ["https://api.chatzy.example/prod", "http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:1",
                      "http://LOCALHOST", "http://[::1]:9000", "http://localhost./x", "http://[::ffff:127.0.0.1]:80"])
    func acceptedURLs(text: String) {
        #expect(endpoint(text).success != nil)
    }

    @Test(arguments: ["http://api.chatzy.example/prod", "http://127.evil.example", "http://127.0.0.1.nip.io",
                      "http://10.0.0.1", "http://[::2]", "http://1270.0.0.1", "http://foo.localhost"])
    func plainHTTPToAnotherHostIsRefusedUnlessAllowed(text: String) {
        let refused = endpoint(text).failure
        guard case .invalidConfiguration(let why)? = refused else { Issue.record("accepted \(text)"); return }
        #expect(why.hasPrefix("Refusing plain http to ") && why.contains("use https"))
        #expect(endpoint(text, insecure: true).success != nil)
    }

    @Test(arguments: ["ftp://x.example", "file:///etc/passwd", "https://user:pw@x.example", "https://x.example/prod?a=1",
                      "https://x.example/#frag", "mailto:a@b.c"])
    func malformedBasesAreRefused(text: String) {
        guard case .invalidConfiguration? = endpoint(text, insecure: true).failure else { Issue.record("accepted \(text)"); return }
    }

    @Test func productionIsHTTPS() {
        #expect(ChatzyEndpoint.production.scheme == "https")
        #expect(endpoint(ChatzyEndpoint.production.absoluteString).success?.baseURL == ChatzyEndpoint.production)
    }
}
