import {expect} from '@open-wc/testing';
import {mountInDocument} from '../../widget/pay-checkout/shadow-host.js';

/** Three frames on: the observers have seen the change and the sizes they set are laid out. */
const frames = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => requestAnimationFrame(resolve))
    )
  );

/**
 * A shop component (`shop`, in the document) whose shadow root holds an element (`element`)
 * with a slot in its own shadow root, and the element's slotted placeholder child, as
 * <pay-checkout> has for each provider.
 */
function shopWithElement(layout = '') {
  const shop = document.createElement('div');
  document.body.append(shop);
  const shopRoot = shop.attachShadow({mode: 'open'});
  shopRoot.innerHTML = `<div class="box" style="${layout}"><p style="height: 50px">Above</p></div>`;
  const element = document.createElement('div');
  shopRoot.querySelector('.box')!.append(element);
  element.attachShadow({mode: 'open'}).innerHTML =
    '<button id="before">Before</button><slot name="form"></slot><button id="after">After</button>';
  const placeholder = document.createElement('div');
  placeholder.slot = 'form';
  element.append(placeholder);
  return {shop, shopRoot, element, placeholder};
}

describe('shadow-host: a provider mounted in the document over its placeholder', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const done of cleanup.splice(0)) done();
  });

  function setUp(layout?: string) {
    const parts = shopWithElement(layout);
    const mount = mountInDocument(parts.placeholder);
    cleanup.push(() => {
      mount.destroy();
      parts.shop.remove();
    });
    return {...parts, mount};
  }

  it('mounts in the document right after the outermost shadow host, over the placeholder, as tall as the form', async () => {
    const {shop, placeholder, mount} = setUp('padding: 20px; width: 300px');
    mount.node.innerHTML = '<div style="height: 123px">form</div>';
    await frames();
    expect(mount.node.getRootNode()).to.equal(document);
    expect(shop.nextElementSibling).to.equal(mount.node.parentElement);
    expect(placeholder.getBoundingClientRect().height).to.equal(123);
    const spot = placeholder.getBoundingClientRect();
    const form = mount.node.getBoundingClientRect();
    expect([form.left, form.top, form.width]).to.deep.equal([
      spot.left,
      spot.top,
      spot.width,
    ]);
  });

  it('follows the placeholder when the layout above it changes, and when it is hidden', async () => {
    const {shopRoot, element, placeholder, mount} = setUp('width: 300px');
    mount.node.innerHTML = '<div style="height: 80px">form</div>';
    await frames();
    shopRoot.querySelector('p')!.style.height = '170px';
    await frames();
    expect(mount.node.getBoundingClientRect().top).to.equal(
      placeholder.getBoundingClientRect().top
    );
    element.shadowRoot!.querySelector('slot')!.hidden = true;
    await frames();
    expect(mount.node.checkVisibility()).to.equal(false);
    element.shadowRoot!.querySelector('slot')!.hidden = false;
    await frames();
    expect(mount.node.checkVisibility()).to.equal(true);
  });

  it('is clipped by a scrolling box of the shop, and scrolls with it', async () => {
    const {shopRoot, placeholder, mount} = setUp(
      'height: 100px; overflow: auto; width: 300px'
    );
    mount.node.innerHTML = '<div style="height: 200px">form</div>';
    await frames();
    const box = shopRoot.querySelector('.box')!;
    box.scrollTop = 40;
    box.dispatchEvent(new Event('scroll'));
    await frames();
    expect(mount.node.getBoundingClientRect().top).to.equal(
      placeholder.getBoundingClientRect().top
    );
    // What shows of the form is what shows of its box: the rest is clipped.
    const shown = box.getBoundingClientRect();
    const form = mount.node.getBoundingClientRect();
    const inset = /^inset\((.+)\)$/
      .exec(mount.node.parentElement!.style.clipPath)![1]
      .split(' ')
      .map((side) => parseFloat(side));
    const [top, , bottom = top] = inset;
    expect(top).to.be.closeTo(Math.max(0, shown.top - form.top), 1);
    expect(bottom).to.be.closeTo(form.bottom - shown.bottom, 1);
    expect(bottom).to.be.greaterThan(0);
  });

  it('is inert while the placeholder is (busy), and gone after destroy()', async () => {
    const {placeholder, mount} = setUp();
    placeholder.inert = true;
    await frames();
    expect(mount.node.parentElement!.inert).to.equal(true);
    placeholder.inert = false;
    await frames();
    expect(mount.node.parentElement!.inert).to.equal(false);
    mount.destroy();
    expect(mount.node.isConnected).to.equal(false);
    expect(placeholder.style.height).to.equal('');
  });

  it('steers Tab from the element’s control before the slot into the form, and out to the one after', async () => {
    const {element, mount} = setUp();
    mount.node.innerHTML = '<input aria-label="Card number">';
    await frames();
    const before = element.shadowRoot!.getElementById('before')!;
    before.focus();
    before.dispatchEvent(
      new KeyboardEvent('keydown', {key: 'Tab', bubbles: true, composed: true})
    );
    // The guard before the form has the focus: the browser's Tab goes on into the form.
    expect(document.activeElement).to.equal(mount.node.previousElementSibling);
    mount.node.querySelector('input')!.focus();
    (mount.node.nextElementSibling as HTMLElement).focus();
    expect(element.shadowRoot!.activeElement?.id).to.equal('after');
  });
});
