namespace Reporting.Tests.Infra;

/// <summary>A mistyped azd variable stops the deployment before anything is created, naming the culprit.</summary>
public sealed class ParameterValidationTests
{
    private const string Group = "0b6f4a52-3c1d-4e7a-9f20-6d8e1a2b3c4d";

    [Theory]
    [InlineData("Anyuan=" + Group, "department id 'Anyuan' must be 1-40 lower-case ASCII letters, digits or '-'")]
    [InlineData("an'yuan=" + Group, "department id 'an'yuan' must be")]
    [InlineData("anyuan", "'anyuan' is not of the form department=groupObjectId")]
    [InlineData("anyuan=not-a-group", "'not-a-group' is not an Entra object id (a GUID)")]
    [InlineData("anyuan=" + Group + ",anyuan=1c7a5b63-4d2e-4f8b-8a31-7e9f2b3c4d5e", "REPORTING_DEPARTMENT_GROUPS names a department twice")]
    public void Rejects_a_malformed_department_list_naming_the_entry(string departmentGroups, string message)
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.MinimalParameters.With("departmentGroups", departmentGroups));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output);
    }

    [Fact]
    public void Accepts_spaces_and_semicolons_between_departments()
    {
        DeploymentSnapshot snapshot = DeploymentSnapshot.Create(Snapshots.MinimalParameters
            .With("departmentGroups", $" anyuan = {Group} ; swj=1c7a5b63-4d2e-4f8b-8a31-7e9f2b3c4d5e, "));

        Assert.Equal("anyuan,swj", (string)snapshot.Outputs["REPORTING_DEPARTMENT_IDS"]!);
    }

    [Fact]
    public void Rejects_a_recipient_that_is_not_an_address()
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.MinimalParameters.With("recipients", "mayor@pingxiang.gov.cn, 市长"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("REPORTING_RECIPIENTS: '市长' is not an e-mail address", result.Output);
    }

    [Fact]
    public void Rejects_a_department_contact_that_is_not_an_address()
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.MinimalParameters.With("departmentContacts", "anyuan=安源区发改委"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("REPORTING_DEPARTMENT_CONTACTS: 'anyuan=安源区发改委' is not of the form department=address", result.Output);
    }

    [Fact]
    public void Rejects_an_smtp_server_without_a_sender_address()
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.FullParameters.Without("mailFrom"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("REPORTING_MAIL_FROM is required when SMTP_HOST is set", result.Output);
    }

    [Fact]
    public void Rejects_a_mailbox_without_the_receiving_servers_authserv_id()
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.FullParameters.Without("mailboxAuthServId"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("MAILBOX_AUTHSERV_ID is required when IMAP_HOST is set", result.Output);
    }

    [Theory]
    [InlineData("anyuan=刘文书", "REPORTING_MAILBOX_SENDERS: 'anyuan=刘文书' is not of the form department=address")]
    [InlineData("Anyuan=liu@anyuan.example", "REPORTING_MAILBOX_SENDERS: department id 'Anyuan' must be 1-40 lower-case ASCII letters")]
    public void Rejects_a_malformed_mailbox_sender_naming_the_entry(string senders, string message)
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.MinimalParameters.With("mailboxSenders", senders));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output);
    }

    [Theory]
    [InlineData("recipients", "mayor@pingxiang.gov.cn")]
    [InlineData("countyRecipients", "安源区=quzhang@anyuan.pingxiang.gov.cn")]
    public void Rejects_leaders_without_reviewers_while_sign_off_is_required(string leaders, string value)
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.MinimalParameters.With(leaders, value));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(
            "REPORTING_REVIEWERS is required while sign-off is required (REPORTING_REQUIRE_SIGN_OFF is not false) and REPORTING_RECIPIENTS or REPORTING_COUNTY_RECIPIENTS is set",
            result.Output);
    }

    [Fact]
    public void Rejects_a_full_configuration_that_loses_its_reviewers()
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.FullParameters.Without("reviewers"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("REPORTING_REVIEWERS is required while sign-off is required", result.Output);
    }

    [Fact]
    public void Rejects_a_reviewer_that_is_not_an_address()
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.FullParameters.With("reviewers", "shenhe@pingxiang.gov.cn; 审核人"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("REPORTING_REVIEWERS: '审核人' is not an e-mail address", result.Output);
    }

    [Theory]
    [InlineData("安源区")]
    [InlineData("=quzhang@anyuan.pingxiang.gov.cn")]
    [InlineData("安源区=张区长")]
    [InlineData("安源区=quzhang@anyuan.pingxiang.gov.cn=湘东区")]
    [InlineData("安源区=quzhang @anyuan.pingxiang.gov.cn")]
    public void Rejects_a_county_recipient_without_both_county_and_address_naming_the_entry(string entry)
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.FullParameters
            .With("countyRecipients", $"湘东区=quzhang@xiangdong.pingxiang.gov.cn; {entry}"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"REPORTING_COUNTY_RECIPIENTS: '{entry}' is not of the form county=address", result.Output);
    }

    [Theory]
    [InlineData("officeGroups", Group + ",推进办", "REPORTING_OFFICE_GROUPS: '推进办' is not an Entra object id (a GUID)")]
    [InlineData("portalClientId", "reporting-portal", "REPORTING_PORTAL_CLIENT_ID: 'reporting-portal' is not an application (client) id (a GUID)")]
    [InlineData("portalTenantId", "pingxiang.onmicrosoft.com", "REPORTING_PORTAL_TENANT_ID: 'pingxiang.onmicrosoft.com' is not a tenant id (a GUID)")]
    [InlineData("portalInstance", "login.chinacloudapi.cn", "REPORTING_PORTAL_INSTANCE: 'login.chinacloudapi.cn' is not an https:// address")]
    [InlineData("portalAddress", "http://baosong.pingxiang.gov.cn", "REPORTING_PORTAL_ADDRESS: 'http://baosong.pingxiang.gov.cn' is not an https:// address")]
    public void Rejects_a_malformed_portal_setting_naming_the_variable(string parameter, string value, string message)
    {
        ProcessResult result = DeploymentSnapshot.Fail(Snapshots.MinimalParameters.With(parameter, value));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output);
    }
}
