using System.Net;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>Without Course.Kit in the process (as here), tensors display as TorchSharp displays them.</summary>
public class NotebookFormattingTests
{
    static string Format(object value, string mimeType)
    {
        var formatter = new NotebookFormatterSource().CreateTypeFormatters().Cast<NotebookFormatterSource.Formatter>().Single(f => f.MimeType == mimeType);
        var writer = new StringWriter();
        Assert.True(formatter.Format(value, writer));
        return writer.ToString();
    }

    [Fact]
    public void Tensors_fall_back_to_TorchSharp_text_and_a_pre_block()
    {
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Course.Kit");
        var t = tensor(new float[] { 1, 2 });
        Assert.Equal(t.ToString(TensorStringStyle.Default), Format(t, "text/plain"));
        Assert.Equal("<div><pre>" + WebUtility.HtmlEncode(t.ToString(TensorStringStyle.Default)) + "</pre></div>", Format(t, "text/html"));
        Assert.Equal("Linear", Format(nn.Linear(1, 1), "text/plain"));
    }

    [Fact]
    public void Other_values_are_left_to_the_kernel()
    {
        var formatter = new NotebookFormatterSource().CreateTypeFormatters().Cast<NotebookFormatterSource.Formatter>().First();
        Assert.False(formatter.Format("text", new StringWriter()));
    }

    [Fact]
    public void Tensor_and_Module_carry_the_convention_attribute()
    {
        foreach (var type in new[] { typeof(Tensor), typeof(nn.Module), typeof(Modules.Linear) })
        {
            var attribute = type.GetCustomAttributes(true).OfType<TypeFormatterSourceAttribute>().Single();
            Assert.Equal(typeof(NotebookFormatterSource), attribute.FormatterSourceType);
            Assert.Equal(["text/html"], attribute.PreferredMimeTypes!);
        }
    }
}
