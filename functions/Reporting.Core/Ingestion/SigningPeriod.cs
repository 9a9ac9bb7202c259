namespace Reporting.Core.Ingestion;

/// <summary>
/// Which signings a period counts, the office's rule: those signed in the period's year up to the end of its
/// month (新签约 is cumulative from January). A 2021 signing left in the 2022 list, or one dated after the period,
/// is not one of them; an undated signing is counted (nothing says otherwise). Ingestion warns at the cell with
/// the same rule the indicators count by.
/// </summary>
public static class SigningPeriod
{
    public static bool Counts(DateOnly? signedOn, ReportingPeriod period) =>
        signedOn is not DateOnly date || (date.Year == period.Year && date < period.EndExclusive);
}
