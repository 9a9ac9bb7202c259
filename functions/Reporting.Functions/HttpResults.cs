using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reporting.Core;

namespace Reporting.Functions;

/// <summary>JSON answers in the project's one JSON convention; errors say what is wrong in Chinese first.</summary>
internal static class HttpResults
{
    // ReportingJson, plus enum names (camelCase) for enums that do not name themselves, e.g. "state": "onTime".
    private static readonly JsonSerializerOptions s_options = new(ReportingJson.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static JsonResult Json(object value, int status = StatusCodes.Status200OK) =>
        new(value, s_options) { StatusCode = status, ContentType = "application/json; charset=utf-8" };

    public static JsonResult Error(int status, string message) => Json(new ErrorBody(message), status);

    public static JsonResult BadPeriod(string period) =>
        Error(StatusCodes.Status400BadRequest, $"报告期“{Core.Storage.StorePath.Printable(period)}”格式不正确，应为 YYYY-MM，例如 2022-12。");

    public static JsonResult Failure() =>
        Error(StatusCodes.Status500InternalServerError, "服务器内部错误，已记录日志，请稍后重试。");

    public sealed record ErrorBody(string Error);
}
