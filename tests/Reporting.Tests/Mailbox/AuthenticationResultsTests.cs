using Reporting.Core.Mailbox;

namespace Reporting.Tests.Mailbox;

/// <summary>Reading Authentication-Results fields (RFC 8601) as servers write them; see README.md in this folder.</summary>
public sealed class AuthenticationResultsTests
{
    [Fact]
    public void Reads_the_authserv_id_and_every_method_with_its_properties()
    {
        AuthenticationResultsField field = AuthenticationResults.Parse(
            "mx.pingxiang.gov.cn;\r\n\tspf=pass (sender SPF authorized) smtp.mailfrom=clerk@anyuan.gov.cn;\r\n\tdkim=pass header.d=anyuan.gov.cn header.s=mail; dmarc=pass (p=none) header.from=anyuan.gov.cn")!;

        Assert.Equal("mx.pingxiang.gov.cn", field.AuthServId);
        Assert.Equal(["spf", "dkim", "dmarc"], field.Results.Select(r => r.Method));
        Assert.All(field.Results, r => Assert.True(r.Passed));
        Assert.Equal("clerk@anyuan.gov.cn", field.Results[0].Property("smtp.mailfrom"));
        Assert.Equal("anyuan.gov.cn", field.Results[1].Property("header.d"));
        Assert.Equal("anyuan.gov.cn", field.Results[2].Property("header.from"));
    }

    [Theory]
    [InlineData("mx.example 1; spf=pass smtp.mailfrom=a.example", "mx.example", "spf", "pass")]
    [InlineData("mx.example; SPF = Pass smtp.mailfrom = a.example", "mx.example", "spf", "pass")]
    [InlineData("mx.example; dkim/1=fail reason=\"signature; bad\" header.d=a.example", "mx.example", "dkim", "fail")]
    [InlineData("mx.example (our (nested) comment); dmarc=pass (p=reject; dis=none) header.from=a.example", "mx.example", "dmarc", "pass")]
    [InlineData("mx.example; none; spf=softfail smtp.mailfrom=a.example", "mx.example", "spf", "softfail")]
    public void Tolerates_versions_comments_quotes_case_and_spacing(string value, string authServId, string method, string result)
    {
        AuthenticationResultsField field = AuthenticationResults.Parse(value)!;

        Assert.Equal(authServId, field.AuthServId);
        AuthenticationResult only = Assert.Single(field.Results);
        Assert.Equal((method, result), (only.Method, only.Result));
        Assert.Equal("a.example", AuthenticationResults.DomainOf(only.Property("smtp.mailfrom") ?? only.Property("header.d") ?? only.Property("header.from")));
    }

    [Fact]
    public void A_quoted_semicolon_or_parenthesis_does_not_split_or_hide_a_result()
    {
        AuthenticationResultsField field = AuthenticationResults.Parse("mx.example; dkim=fail reason=\"key (2048 bit); bad\" header.d=a.example; spf=pass smtp.mailfrom=b.example")!;

        Assert.Equal([("dkim", "fail"), ("spf", "pass")], field.Results.Select(r => (r.Method, r.Result)));
        Assert.Equal("key (2048 bit); bad", field.Results[0].Property("reason"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("; spf=pass")]
    [InlineData("= spf")]
    public void A_field_without_an_authserv_id_is_no_field(string value) =>
        Assert.Null(AuthenticationResults.Parse(value));

    [Theory]
    [InlineData("clerk@Anyuan.Gov.CN", "anyuan.gov.cn")]
    [InlineData("@anyuan.gov.cn", "anyuan.gov.cn")]
    [InlineData("anyuan.gov.cn.", "anyuan.gov.cn")]
    [InlineData("", null)]
    [InlineData("a@b c", null)]
    public void The_domain_of_an_identity_is_lower_case_and_plain(string identity, string? domain) =>
        Assert.Equal(domain, AuthenticationResults.DomainOf(identity));
}
