-- Sign-in for brands' users: each site may hold the secret its SSO tokens (JWT, HS256) are
-- signed with. NULL means the site accepts no tokens. Short secrets are refused, since anyone
-- who guesses one can sign in as any user.
ALTER TABLE sites ADD COLUMN sso_secret text CHECK (sso_secret IS NULL OR length(sso_secret) >= 16);
