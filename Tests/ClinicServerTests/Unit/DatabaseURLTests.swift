import ClinicServer
import Testing

struct DatabaseURLTests {
    @Test func aFullURLIsParsed() throws {
        let url = try DatabaseURL(parsing: "postgres://clinic%40desk:p%40ss%3Aword@db.example.org:6543/clinicdesk?sslmode=disable")
        #expect(url.username == "clinic@desk")
        #expect(url.password == "p@ss:word")
        #expect(url.host == "db.example.org")
        #expect(url.port == 6543)
        #expect(url.database == "clinicdesk")
        #expect(url.tls == .disable)
        #expect(!url.description.contains("p@ss"))
        #expect(try DatabaseURL(parsing: url.urlString) == url)
    }

    @Test func defaultsFollowLibpq() throws {
        let url = try DatabaseURL(parsing: "postgresql://me@localhost/db")
        #expect(url.port == 5432)
        #expect(url.password == nil)
        #expect(url.tls == .prefer)
    }

    @Test(arguments: [
        "mysql://me@localhost/db", "postgres://localhost/db", "postgres://me@localhost", "postgres://me@localhost/",
        "postgres://me@/db", "postgres://me@localhost/db?sslmode=sometimes", "not a url",
    ])
    func unusableURLsAreRefused(_ text: String) {
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: text) }
    }
}
