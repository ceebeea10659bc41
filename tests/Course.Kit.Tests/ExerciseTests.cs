using System.Reflection;
using Course.Kit.Exercises;
using Course.Torch;
using static Course.Torch.torch;
using F = Course.Torch.torch.nn.functional;

namespace Course.Kit.Tests;

/// <summary>Exercise.Check: cases, points, seeds, stubs, op bans, hidden cases, the panel and the grading sink.</summary>
[Collection(ExerciseCollection.Name)]
public class ExerciseTests
{
    static Tensor Relu(Tensor x) => x.clamp_min(0);

    static Tensor ReleasedStub(Tensor x) => throw new NotImplementedException("Exercise 01.1: write relu");

    [Fact]
    public void Points_sum_over_passed_cases()
    {
        var result = Exercise.Check("T.points", "relu", ex =>
        {
            ex.Case("positive", 1, () => Check.Close(tensor(new[] { 2f }), Relu(tensor(new[] { 2f }))));
            ex.Case("wrong on purpose", 2, () => Check.Close(tensor(new[] { 1f }), Relu(tensor(new[] { -1f }))));
            ex.Hidden("negative", 0.5, () => Check.Close(tensor(new[] { 0f }), Relu(tensor(new[] { -3f }))));
        });
        Assert.Equal([true, false, true], result.Cases.Select(c => c.Passed));
        Assert.Equal([1, 0, 0.5], result.Cases.Select(c => c.Points));
        Assert.Equal(1.5, result.Score);
        Assert.Equal(3.5, result.MaxScore);
        Assert.False(result.Passed);
    }

    [Fact]
    public void A_stub_that_throws_fails_every_case_without_throwing_and_every_case_still_runs()
    {
        var ran = new List<string>();
        var result = Exercise.Check("01.1", "relu", ex =>
        {
            ex.Case("one", 1, () => { ran.Add("one"); ReleasedStub(ones(2)); });
            ex.Case("two", 1, () => { ran.Add("two"); ReleasedStub(ones(2)); });
        });
        Assert.Equal(["one", "two"], ran);
        Assert.All(result.Cases, c => Assert.Equal("not implemented yet: Exercise 01.1: write relu", c.Message));
        Assert.Equal(0, result.Score);
        Assert.Equal(2, result.MaxScore);
    }

    [Fact]
    public void Any_exception_fails_only_its_case_with_its_type_and_message()
    {
        var result = Exercise.Check("T.throw", "", ex =>
        {
            ex.Case("indexes too far", 1, () => _ = new int[2].ElementAt(3));
            ex.Case("fine", 1, () => { });
        });
        Assert.StartsWith("your code threw ArgumentOutOfRangeException: ", result.Cases[0].Message);
        Assert.True(result.Cases[1].Passed);
    }

    [Fact]
    public void A_failing_declaration_is_one_failed_result_not_an_exception()
    {
        var result = Exercise.Check("T.declare", "relu", ex =>
        {
            var expected = ReleasedStub(ones(2)); // a stub called while building inputs
            ex.Case("never declared", 1, () => { });
        });
        var only = Assert.Single(result.Cases);
        Assert.Equal("declaring the cases", only.Case);
        Assert.Equal("not implemented yet: Exercise 01.1: write relu", only.Message);
    }

    [Fact]
    public void Cases_run_under_fixed_seeds_that_depend_on_the_exercise_and_case_names_only()
    {
        float[] Draw(string exercise, bool withOtherCase)
        {
            float[] drawn = [];
            randn(10); // whatever ran before the check does not matter
            Exercise.Check(exercise, "seeds", ex =>
            {
                if (withOtherCase) ex.Hidden("another case", 1, () => randn(100));
                ex.Case("draws", 1, () => drawn = randn(5).data<float>().ToArray());
            });
            return drawn;
        }
        var first = Draw("T.seed", withOtherCase: true);
        Assert.Equal(first, Draw("T.seed", withOtherCase: true));
        Assert.Equal(first, Draw("T.seed", withOtherCase: false)); // release removes hidden cases: seeds do not move
        Assert.NotEqual(first, Draw("T.seed2", withOtherCase: true));
    }

    [Fact]
    public void Forbid_bans_the_op_and_its_layer_inside_cases_only_and_Reference_lifts_the_ban()
    {
        var x = randn(1, 1, 5, 5);
        var w = randn(1, 1, 3, 3);
        var declaredWithConv = F.conv2d(x, w); // declarations run without the ban
        Tensor Cheat(Tensor input, Tensor weight) => F.conv2d(input, weight);
        Tensor Honest(Tensor input, Tensor weight) => weight.view(1, -1).matmul(F.unfold(input, 3)).view(1, 1, 3, 3);

        var result = Exercise.Check("02.2", "naive conv2d", ex =>
        {
            ex.Forbid("conv2d", instead: "unfold and matmul");
            ex.Case("functional", 1, () => Check.Close(declaredWithConv, Cheat(x, w)));
            ex.Case("layer", 1, () => nn.Conv2d(1, 1, 3).call(x));
            ex.Case("honest", 1, () => Check.Close(Check.Reference(() => F.conv2d(x, w)), Honest(x, w)));
        });

        Assert.Equal([false, false, true], result.Cases.Select(c => c.Passed));
        Assert.StartsWith("conv2d is banned in exercise 02.2", result.Cases[0].Message);
        Assert.Contains("Use unfold and matmul instead.", result.Cases[0].Message);
        Assert.StartsWith("conv2d is banned in exercise 02.2", result.Cases[1].Message);
        Assert.False(OpBan.IsForbidden("conv2d"));
        Check.Close(declaredWithConv, F.conv2d(x, w)); // and after the check
    }

    [Fact]
    public void Forbidding_an_unknown_op_fails_the_declaration()
    {
        var result = Exercise.Check("T.unknown", "", ex => ex.Forbid("Conv2d"));
        Assert.Contains("'Conv2d' is not a guarded op", Assert.Single(result.Cases).Message);
    }

    const string Secret = "expected 42 for the odd-sized input";
    const string SecretHint = "look at the last row";

    static ExerciseResult WithFailingHiddenCase(string id) => Exercise.Check(id, "hidden", ex =>
    {
        ex.Case("visible", 1, () => { });
        ex.Hidden("odd sizes", 2, () => throw new CheckFailedException(Secret), hint: SecretHint);
    });

    [Fact]
    public void Hidden_case_details_are_withheld_from_the_panel()
    {
        var result = WithFailingHiddenCase("T.hidden");
        foreach (var shown in new[] { result.ToString(), result.ToHtml() })
        {
            Assert.DoesNotContain(Secret, shown);
            Assert.DoesNotContain(SecretHint, shown);
            Assert.Contains("[hidden] odd sizes", shown);
            Assert.Contains("A hidden case failed; its details are withheld.", shown);
        }
    }

    [Fact]
    public void The_grading_sink_receives_every_case_with_hidden_details()
    {
        var received = new List<CaseResult>();
        GradingChannel.Sink = r => { lock (received) received.Add(r); };
        try
        {
            WithFailingHiddenCase("T.sink");
        }
        finally
        {
            GradingChannel.Sink = null;
        }
        var mine = received.Where(r => r.Exercise == "T.sink").ToList();
        Assert.Equal(
            [
                new CaseResult("T.sink", "visible", false, true, 1, 1, null, null),
                new CaseResult("T.sink", "odd sizes", true, false, 0, 2, Secret, SecretHint),
            ],
            mine);
    }

    [Fact]
    public void The_panel_lists_every_case_and_details_the_first_visible_failure_with_its_hint()
    {
        var result = Exercise.Check("02.2", "naive conv2d", ex =>
        {
            ex.Case("stride 1", 1, () => { });
            ex.Case("stride 2", 2, () => Check.Shape(zeros(1, 1, 3, 3), [1, 1, 2, 2]), hint: "out = ⌊(in + 2·pad − k)/s⌋ + 1");
            ex.Case("padding <1>", 1, () => Check.That(false, "a < b"));
        });
        Assert.Equal(
            """
            Exercise 02.2 · naive conv2d: 1/4 points
              ✓ stride 1 (1/1)
              ✗ stride 2 (0/2)
              ✗ padding <1> (0/1)
            First failure, "stride 2":
              output: shape differs: expected [1, 1, 2, 2], got [1, 1, 3, 3].
              Hint: out = ⌊(in + 2·pad − k)/s⌋ + 1
            """.ReplaceLineEndings("\n"),
            result.ToString());
        var html = result.ToHtml();
        Assert.Contains("padding &lt;1&gt;", html);
        Assert.Contains("<b>1 / 4</b> points", html);
        Assert.Contains("First failure, “stride 2”", html);
        Assert.DoesNotContain("a &lt; b", html); // only the first failure is detailed
    }

    [Fact]
    public void The_result_carries_the_notebook_formatter_convention_for_html_and_text()
    {
        var result = WithFailingHiddenCase("T.format");
        var attribute = typeof(ExerciseResult).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        Assert.Equal(["text/html"], (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        string Format(string mime)
        {
            var formatter = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == mime);
            var writer = new StringWriter();
            Assert.True((bool)formatter.GetType().GetMethod("Format")!.Invoke(formatter, [result, writer])!);
            return writer.ToString();
        }
        Assert.Equal(result.ToHtml(), Format("text/html"));
        Assert.Equal(result.ToString(), Format("text/plain"));
    }
}
