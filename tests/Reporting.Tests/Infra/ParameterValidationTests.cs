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
}
