"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Field } from "@/components/ui/field";

const schema = z.object({
  email: z.email("Enter your email address"),
  password: z.string().min(1, "Enter your password"),
});
type Values = z.infer<typeof schema>;

export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(schema) });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (res?.ok && !res.error) {
      router.replace(next);
      router.refresh();
      return;
    }
    // The same words for an unknown email and a wrong password.
    setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "Email or password is incorrect.");
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid">
      <Field label="Email" error={formState.errors.email?.message}>
        <input type="email" autoComplete="username" autoFocus {...register("email")} />
      </Field>
      <Field label="Password" error={formState.errors.password?.message}>
        <input type="password" autoComplete="current-password" {...register("password")} />
      </Field>
      {error && (
        <div role="alert" className="alert error">
          {error}
        </div>
      )}
      <button className="primary" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
