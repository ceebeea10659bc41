namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A module with six inputs (TorchSharp's base of <c>MultiheadAttention</c>).</summary>
        public abstract class Module<T1, T2, T3, T4, T5, T6, TResult> : Module
        {
            /// <summary>Creates a module with a name.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5, T6 input6);

            /// <summary>Runs the module.</summary>
            public TResult call(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5, T6 input6) => forward(input1, input2, input3, input4, input5, input6);
        }
    }
}
