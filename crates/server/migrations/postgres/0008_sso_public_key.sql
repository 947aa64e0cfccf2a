-- Sign-in without a shared secret: a site may hold the Ed25519 public key of the brand's key
-- pair (the raw 32 bytes in base64), and accept SSO tokens signed with EdDSA by its private
-- key. NULL means the site accepts no EdDSA tokens.
ALTER TABLE sites ADD COLUMN sso_public_key text CHECK (sso_public_key IS NULL OR length(sso_public_key) = 44);
