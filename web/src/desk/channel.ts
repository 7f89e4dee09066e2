// What an admin copies for a channel: the widget's script tag, and for signed visitors the attributes
// their server adds (the signature is HMAC-SHA256 of the user id with the identity secret, in hex).

export function scriptTag(origin: string, widgetKey: string, signed = false): string {
  const extra = signed ? ' data-user-id="USER_ID" data-signature="HMAC_SHA256_HEX"' : '';
  return `<script src="${origin}/widget.js" data-key="${widgetKey}"${extra} async></script>`;
}

/** How the customer's server signs a user id (Node.js; any language's HMAC-SHA256 in hex works). */
export function signingExample(): string {
  return "const signature = require('crypto').createHmac('sha256', IDENTITY_SECRET).update(userId).digest('hex');";
}
