import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm py-8">
      <Card title="Forgot your password?">
        <ForgotPasswordForm />
      </Card>
    </div>
  );
}
