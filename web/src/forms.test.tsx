import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginPage } from './auth';
import { ImportReport } from './admin/ImportAdmin';

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

describe('login form', () => {
  it('shows the server’s field error next to the field', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ code: 'invalid_email', field: 'email', detail: 'email is not a valid e-mail address' }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } })));
    render(<LoginPage onSignedIn={() => {}} signupEnabled />);
    fireEvent.change(screen.getByTestId('login-email'), { target: { value: 'nope' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    // a known code is shown in the reader's language (the default context is English)
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This is not a valid e-mail address.'));
    expect(screen.getByTestId('login-email').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows an error without a field as a banner', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ code: 'something_new', detail: 'A message only the server knows' }),
      { status: 409, headers: { 'Content-Type': 'application/problem+json' } })));
    render(<LoginPage onSignedIn={() => {}} signupEnabled={false} />);
    fireEvent.click(screen.getByTestId('login-submit'));
    // an unknown code falls back to the server's own words
    await waitFor(() => expect(screen.getByTestId('banner-error').textContent).toBe('A message only the server knows'));
    expect(screen.queryByText('Create an organisation')).toBeNull();
  });
});

describe('import report', () => {
  it('lists every rejected row with its field and message', () => {
    render(<ImportReport rows={[{ row: 3, field: 'email', code: 'invalid_email', message: 'email is not a valid e-mail address' },
      { row: 5, field: 'role', code: 'invalid_role', message: 'role must be admin, member or guest' }]} />);
    const rows = screen.getAllByTestId('import-row-error');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('3');
    expect(rows[0].textContent).toContain('email');
    expect(rows[1].textContent).toContain('role must be admin, member or guest');
  });
});
