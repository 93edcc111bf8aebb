using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Approval.Engine.Statistics;

/// <summary>
/// A report as an .xlsx workbook: 统计 (a row per period and group, then the whole as 合计), 口径 (the
/// definitions it used) and 查询 (what was asked). Headers are "中文(field)", as the JSON names them;
/// rates are the same fractions, shown as percentages.
/// </summary>
internal static class ReportSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly (string Header, Func<FigureRow, object?> Cell, bool Rate)[] Columns =
    [
        ("期间(period)", r => r.Period, false),
        ("起(from)", r => Iso(r.From), false),
        ("止(to)", r => Iso(r.To), false),
        ("分组(group)", r => r.Group, false),
        ("编码(key)", r => r.Key, false),
        ("名称(name)", r => r.Name, false),
        ("受理数(accepted)", r => r.Accepted, false),
        ("即办件受理数(instantAccepted)", r => r.InstantAccepted, false),
        ("承诺件受理数(promisedAccepted)", r => r.PromisedAccepted, false),
        ("办结数(completed)", r => r.Completed, false),
        ("即办件办结数(instantCompleted)", r => r.InstantCompleted, false),
        ("承诺件办结数(promisedCompleted)", r => r.PromisedCompleted, false),
        ("当日办结数(completedSameDay)", r => r.CompletedSameDay, false),
        ("当月办结数(completedSameMonth)", r => r.CompletedSameMonth, false),
        ("按时办结数(completedOnTime)", r => r.CompletedOnTime, false),
        ("提前办结数(completedEarly)", r => r.CompletedEarly, false),
        ("即办件比例(instantRatio)", r => r.InstantRatio, true),
        ("日结率(dailyCompletionRate)", r => r.DailyCompletionRate, true),
        ("当月办结率(monthCompletionRate)", r => r.MonthCompletionRate, true),
        ("按时办结率(onTimeRate)", r => r.OnTimeRate, true),
        ("提前办结率(earlyCompletionRate)", r => r.EarlyCompletionRate, true),
        ("承诺件平均办结时间(averagePromisedWorkingDays)", r => r.AveragePromisedWorkingDays, false),
        ("承诺提速(promisedSpeedUp)", r => r.PromisedSpeedUp, true),
        ("办理提速(processingSpeedUp)", r => r.ProcessingSpeedUp, true),
        ("超期件(overdue)", r => r.Overdue, false),
        ("超期办结(overdueCompleted)", r => r.OverdueCompleted, false),
        ("超期未结(overdueOpen)", r => r.OverdueOpen, false),
        ("超法定时限件(statutoryOverdue)", r => r.StatutoryOverdue, false),
        ("超法定时限办结(statutoryOverdueCompleted)", r => r.StatutoryOverdueCompleted, false),
        ("超法定时限未结(statutoryOverdueOpen)", r => r.StatutoryOverdueOpen, false),
        ("咨询量(consultations)", r => r.Consultations, false),
        ("收费件数(feeCases)", r => r.FeeCases, false),
        ("收费金额(feesCharged)", r => r.FeesCharged, false),
    ];

    public static IReadOnlyList<string> Headers { get; } = [.. Columns.Select(c => c.Header)];

    public static byte[] Write(StatisticsReportResponse report)
    {
        var figures = report.Rows.Append(report.Total with { Period = "合计" })
            .Select(row => Columns.ToDictionary(c => c.Header, c => c.Cell(row)));
        var definitions = report.Definitions.Select(d => new Dictionary<string, object?>
        {
            ["指标(figure)"] = d.Figure,
            ["名称(name)"] = d.Name,
            ["口径(definition)"] = d.Definition,
        });
        var asked = new (string, string?)[]
        {
            ("起(from)", Iso(report.From)),
            ("止(to)", Iso(report.To)),
            ("统计日(asOf)", Iso(report.AsOf)),
            ("期间(period)", report.Period),
            ("分组(groupBy)", report.GroupBy),
            ("部门(department)", report.Filter.Department),
            ("窗口(window)", report.Filter.Window),
            ("事项(item)", report.Filter.Item),
        }.Select(p => new Dictionary<string, object?> { ["项目(parameter)"] = p.Item1, ["值(value)"] = p.Item2 });

        var sheets = new Dictionary<string, object>
        {
            ["统计"] = figures.ToList(),
            ["口径"] = definitions.ToList(),
            ["查询"] = asked.ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            FastMode = true,
            EnableAutoWidth = true,
            MaxWidth = 80,
            DynamicColumns = [.. Columns.Where(c => c.Rate).Select(c => new DynamicExcelColumn(c.Header) { Format = "0.00%" })],
        });
        return stream.ToArray();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
