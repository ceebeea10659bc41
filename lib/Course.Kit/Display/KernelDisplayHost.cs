using System.Reflection;

namespace Course.Kit.Display;

/// <summary>
/// The .NET Interactive kernel's <c>display(object, params string[])</c>, found at run time by reflection so the kit
/// never references Interactive packages. The returned <c>DisplayedValue</c> moved between assemblies across kernel
/// versions (reference §2.6), so its <c>Update(object)</c> is matched by name on whatever type comes back.
/// </summary>
internal sealed class KernelDisplayHost : IDisplayHost
{
    private const string KernelTypeName = "Microsoft.DotNet.Interactive.Kernel";
    private readonly MethodInfo display;

    private KernelDisplayHost(MethodInfo display) => this.display = display;

    /// <summary>The kernel's display helper if a loaded assembly has it, else <see langword="null"/>.</summary>
    public static KernelDisplayHost? TryFind() => TryFind(
        AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(KernelTypeName, throwOnError: false)).OfType<Type>());

    /// <summary>The first of <paramref name="kernelTypes"/> with a public static <c>display(object, string[])</c>.</summary>
    internal static KernelDisplayHost? TryFind(IEnumerable<Type> kernelTypes)
    {
        foreach (var kernel in kernelTypes)
        {
            var display = kernel.GetMethod("display", BindingFlags.Public | BindingFlags.Static, [typeof(object), typeof(string[])]);
            if (display != null) return new KernelDisplayHost(display);
        }
        return null;
    }

    public IDisplayHandle Show(object value)
    {
        // No MIME types: the kernel formats with the type's preferred ones (our formatter attribute says text/html).
        object displayed = display.Invoke(null, [value, Array.Empty<string>()])
            ?? throw new InvalidOperationException($"{KernelTypeName}.display returned null.");
        var update = displayed.GetType().GetMethod("Update", [typeof(object)])
            ?? throw new InvalidOperationException($"{displayed.GetType().FullName} returned by display() has no Update(object).");
        return new Handle(displayed, update);
    }

    private sealed class Handle(object displayed, MethodInfo update) : IDisplayHandle
    {
        public void Update(object value) => update.Invoke(displayed, [value]);
    }
}
